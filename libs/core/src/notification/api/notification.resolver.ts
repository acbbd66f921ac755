import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { MarkNotificationsReadInput, NotificationListArgs, NotificationModel, NotificationPageModel, toNotificationModel } from './notification.models';
import { NotificationService } from '../notification.service';

@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(private readonly notifications: NotificationService) {}

  @Query(() => NotificationPageModel, { description: "The caller's notifications: unread first, then newest first." })
  async myNotifications(@Ctx() ctx: RequestContext, @Args() args: NotificationListArgs): Promise<NotificationPageModel> {
    return mapPage(await this.notifications.listMine(ctx, args.unreadOnly, args), toNotificationModel);
  }

  @Query(() => Int, { description: "How many of the caller's notifications are unread." })
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.notifications.unreadCount(ctx);
  }

  @Mutation(() => Int, { description: 'Mark notifications read (all of yours when no ids are given); returns how many changed.' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args('input') input: MarkNotificationsReadInput): Promise<number> {
    return this.notifications.markRead(ctx, input.ids);
  }
}
