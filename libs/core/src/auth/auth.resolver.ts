import { UseGuards } from '@nestjs/common';
import { Args, Context, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Ctx, RequestContext } from '../common/request-context';
import { Public, Roles } from './auth.decorators';
import { AuthService, Session } from './auth.service';
import { CreateStaffUserInput, LoginInput, RefreshSessionInput, RegisterInput } from './dto/auth.inputs';
import { GqlLocalAuthGuard } from './guards/auth.guards';
import { AuthPayloadModel, EmailTakenErrorModel, StaffUserCreatedModel, toUserModel, UserModel } from './models/auth.models';
import { UserRole } from './user-role';
import { UserAccountEntity } from './user-account.entity';

export const RegisterResult = createUnionType({
  name: 'RegisterResult',
  types: () => [AuthPayloadModel, EmailTakenErrorModel] as const,
  resolveType: (value: AuthPayloadModel | EmailTakenErrorModel) => ('accessToken' in value ? AuthPayloadModel : EmailTakenErrorModel),
});

export const CreateStaffUserResult = createUnionType({
  name: 'CreateStaffUserResult',
  types: () => [StaffUserCreatedModel, EmailTakenErrorModel] as const,
  resolveType: (value: StaffUserCreatedModel | EmailTakenErrorModel) => ('user' in value ? StaffUserCreatedModel : EmailTakenErrorModel),
});

const EMAIL_TAKEN: EmailTakenErrorModel = {
  field: 'email',
  message: 'An account with this e-mail already exists',
  messageIt: 'Esiste già un account con questa e-mail',
};

const toPayload = (session: Session): AuthPayloadModel => ({ ...session, user: toUserModel(session.user) });

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => RegisterResult, { description: 'Create a SHOP or PROVIDER account and sign in.' })
  async register(@Ctx() ctx: RequestContext, @Args('input') input: RegisterInput): Promise<typeof RegisterResult> {
    const outcome = await this.auth.register(ctx, input);
    if (outcome.kind === 'session') return toPayload(outcome.session);
    return EMAIL_TAKEN;
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => CreateStaffUserResult, { description: 'Create a MINISTRY or ADMIN account (administrators only).' })
  async createStaffUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateStaffUserInput): Promise<typeof CreateStaffUserResult> {
    const outcome = await this.auth.createStaffUser(ctx, input);
    if (outcome.kind === 'email-taken') return { ...EMAIL_TAKEN, field: 'input.email' };
    return { user: toUserModel(outcome.user), generatedPassword: outcome.generatedPassword };
  }

  @Public()
  @UseGuards(GqlLocalAuthGuard)
  @Mutation(() => AuthPayloadModel, { description: 'Sign in with e-mail and password.' })
  async login(
    @Ctx() ctx: RequestContext,
    @Args('input') _input: LoginInput,
    @Context('req') req: Request & { user: UserAccountEntity },
  ): Promise<AuthPayloadModel> {
    return toPayload(await this.auth.login(ctx, req.user));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Exchange a refresh token (once) for a new session.' })
  async refreshSession(@Ctx() ctx: RequestContext, @Args('input') input: RefreshSessionInput): Promise<AuthPayloadModel> {
    return toPayload(await this.auth.refresh(ctx, input.refreshToken));
  }

  @Mutation(() => Boolean, { description: 'End the session this refresh token belongs to.' })
  logout(@Ctx() ctx: RequestContext, @Args('input') input: RefreshSessionInput): Promise<boolean> {
    return this.auth.logout(ctx, input.refreshToken);
  }

  @Query(() => UserModel, { description: 'The signed-in account.' })
  async me(@Ctx() ctx: RequestContext): Promise<UserModel> {
    return toUserModel(await this.auth.currentUser(ctx));
  }
}
