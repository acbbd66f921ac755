import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/api/auth.decorators';
import { UserRole } from '../../auth/user-role';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { AuditService } from '../audit.service';
import { AuditEventListArgs, AuditEventModel, AuditEventPageModel, toAuditEventModel } from './audit-event.models';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  @Roles(UserRole.MINISTRY, UserRole.ADMIN)
  @Query(() => AuditEventPageModel, { description: 'The append-only audit log, newest first (ministry staff); page with `after` (keyset) or `offset`.' })
  async auditEvents(@Ctx() ctx: RequestContext, @Args() args: AuditEventListArgs): Promise<AuditEventPageModel> {
    const page = await this.auditService.list(ctx, args.filter, args);
    return { ...page, items: page.items.map(toAuditEventModel) };
  }
}
