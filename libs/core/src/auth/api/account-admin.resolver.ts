import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../api/request-context';
import { mapPage } from '../../common/pagination';
import { RequestContext } from '../../common/request-context';
import { AccountAdminService } from '../account-admin.service';
import { UserRole } from '../user-role';
import { Roles } from './auth.decorators';
import { AccountListArgs, AccountModel, AccountPageModel, ChangeStaffRoleInput, SetAccountStatusInput, toAccountModel } from './account-admin.models';
import { AccountChangeResult, toAccountChangeResult } from './account-admin.results';

@Resolver(() => AccountModel)
export class AccountAdminResolver {
  constructor(private readonly admin: AccountAdminService) {}

  @Roles(UserRole.ADMIN)
  @Query(() => AccountPageModel, { description: 'Every account, by e-mail, filtered by text, role and status (administrators only).' })
  async accounts(@Ctx() ctx: RequestContext, @Args() args: AccountListArgs): Promise<AccountPageModel> {
    return mapPage(await this.admin.list(ctx, args.filter, args), toAccountModel);
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => AccountChangeResult, { description: 'Disable an account (its sessions end at once) or enable it again, with a reason (administrators only).' })
  async setAccountStatus(@Ctx() ctx: RequestContext, @Args('input') input: SetAccountStatusInput): Promise<typeof AccountChangeResult> {
    return toAccountChangeResult(await this.admin.setStatus(ctx, input));
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => AccountChangeResult, { description: 'Move a staff member between MINISTRY and ADMIN, with a reason (administrators only).' })
  async changeStaffRole(@Ctx() ctx: RequestContext, @Args('input') input: ChangeStaffRoleInput): Promise<typeof AccountChangeResult> {
    return toAccountChangeResult(await this.admin.changeRole(ctx, input));
  }
}
