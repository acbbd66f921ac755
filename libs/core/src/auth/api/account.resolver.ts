import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../api/request-context';
import { RequestContext } from '../../common/request-context';
import { AccountService } from '../account.service';
import { AccountLinkInput, ChangePasswordInput, RequestEmailChangeInput, RequestPasswordResetInput, ResetPasswordInput } from './account.inputs';
import {
  AccountLinkResult,
  ChangePasswordResult,
  ConfirmEmailChangeResult,
  RequestEmailChangeResult,
  ResendEmailVerificationResult,
  toAccountLinkResult,
  toChangePasswordResult,
  toConfirmEmailChangeResult,
  toRequestEmailChangeResult,
  toResendVerificationResult,
} from './account.results';
import { BeforePasswordChange, Public } from './auth.decorators';

/** The owner's own account: verifying its address, a forgotten password, a new password or address. */
@Resolver()
export class AccountResolver {
  constructor(private readonly accounts: AccountService) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'E-mail a password-reset link to this address if an account has it. The answer is true either way and takes as long, so it tells nobody whether the address has an account.',
  })
  async requestPasswordReset(@Ctx() ctx: RequestContext, @Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.accounts.requestPasswordReset(ctx, input.email);
    return true;
  }

  @Public()
  @Mutation(() => AccountLinkResult, { description: 'Set a new password with the token of a reset link (once): every session of the account ends.' })
  async resetPassword(@Ctx() ctx: RequestContext, @Args('input') input: ResetPasswordInput): Promise<typeof AccountLinkResult> {
    return toAccountLinkResult(await this.accounts.resetPassword(ctx, input.token, input.password));
  }

  @Public()
  @Mutation(() => AccountLinkResult, { description: 'Confirm the account’s address with the token of the link e-mailed at sign-up.' })
  async verifyEmail(@Ctx() ctx: RequestContext, @Args('input') input: AccountLinkInput): Promise<typeof AccountLinkResult> {
    return toAccountLinkResult(await this.accounts.verifyEmail(ctx, input.token));
  }

  @Mutation(() => ResendEmailVerificationResult, { description: 'E-mail a new confirmation link to the signed-in account’s address.' })
  async resendEmailVerification(@Ctx() ctx: RequestContext): Promise<typeof ResendEmailVerificationResult> {
    return toResendVerificationResult(await this.accounts.resendVerification(ctx));
  }

  @BeforePasswordChange()
  @Mutation(() => ChangePasswordResult, { description: 'Change the signed-in account’s password, given the current one: its other sessions end, this one stays.' })
  async changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<typeof ChangePasswordResult> {
    return toChangePasswordResult(await this.accounts.changePassword(ctx, input.currentPassword, input.newPassword));
  }

  @Mutation(() => RequestEmailChangeResult, {
    description: 'Move the signed-in account to a new address, given the current password: a confirmation link goes to the new address, and nothing changes until it is opened.',
  })
  async requestEmailChange(@Ctx() ctx: RequestContext, @Args('input') input: RequestEmailChangeInput): Promise<typeof RequestEmailChangeResult> {
    return toRequestEmailChangeResult(await this.accounts.requestEmailChange(ctx, input.currentPassword, input.newEmail));
  }

  @Public()
  @Mutation(() => ConfirmEmailChangeResult, { description: 'Confirm a new address with the token of the link sent to it; the old address is told.' })
  async confirmEmailChange(@Ctx() ctx: RequestContext, @Args('input') input: AccountLinkInput): Promise<typeof ConfirmEmailChangeResult> {
    return toConfirmEmailChangeResult(await this.accounts.confirmEmailChange(ctx, input.token));
  }
}
