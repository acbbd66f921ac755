import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { RequestContext } from '../../common/request-context';
import { Ctx } from '../../api/request-context';
import { BeforePasswordChange, Public, Roles } from './auth.decorators';
import { AuthService, Session } from '../auth.service';
import { CreateStaffUserInput, LoginInput, RefreshSessionInput, RegisterInput, UpdateMyLanguageInput } from './auth.inputs';
import { GqlLocalAuthGuard } from './auth.guards';
import { AuthPayloadModel, toUserModel, UserModel } from './auth.models';
import { CreateStaffUserResult, RegisterResult, toCreateStaffUserResult, toPayload, toRegisterResult } from './auth.results';
import { UserRole } from '../user-role';
import { UserAccountEntity } from '../user-account.entity';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { SessionCookie } from './session-cookie';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  /** The session as the caller asked for it: the refresh token in the answer, or in the session cookie. */
  private deliver(session: Session, res: Response, inCookie: boolean): AuthPayloadModel {
    if (!inCookie) return toPayload(session);
    this.cookie.set(res, session.refreshToken);
    return toPayload(session, null);
  }

  @Public()
  @Mutation(() => RegisterResult, { description: 'Create a SHOP or PROVIDER account and sign in.' })
  async register(@Ctx() ctx: RequestContext, @Args('input') input: RegisterInput, @Context('res') res: Response): Promise<typeof RegisterResult> {
    const outcome = await this.auth.register(ctx, input);
    return toRegisterResult(outcome, (session) => this.deliver(session, res, input.refreshTokenInCookie));
  }

  @Roles(UserRole.ADMIN)
  @Mutation(() => CreateStaffUserResult, { description: 'Create a MINISTRY or ADMIN account (administrators only).' })
  async createStaffUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateStaffUserInput): Promise<typeof CreateStaffUserResult> {
    return toCreateStaffUserResult(await this.auth.createStaffUser(ctx, input));
  }

  @Public()
  @UseGuards(GqlLocalAuthGuard)
  @Mutation(() => AuthPayloadModel, { description: 'Sign in with e-mail and password.' })
  async login(
    @Ctx() ctx: RequestContext,
    @Args('input') input: LoginInput,
    @Context('req') req: Request & { user: UserAccountEntity },
    @Context('res') res: Response,
  ): Promise<AuthPayloadModel> {
    return this.deliver(await this.auth.login(ctx, req.user), res, input.refreshTokenInCookie);
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Exchange a refresh token (once) for a new session: the one given, else the session cookie’s.' })
  async refreshSession(
    @Ctx() ctx: RequestContext,
    @Args('input', { defaultValue: {} }) input: RefreshSessionInput,
    @Context('req') req: Request,
    @Context('res') res: Response,
  ): Promise<AuthPayloadModel> {
    // null, like an omitted token, means the cookie's.
    const fromCookie = input.refreshToken == null;
    const token = input.refreshToken ?? this.cookie.read(req);
    if (!token) throw new AuthException(AuthErrorCode.INVALID_REFRESH_TOKEN);
    try {
      return this.deliver(await this.auth.refresh(ctx, token), res, fromCookie);
    } catch (error) {
      // A cookie whose session is over is of no use to the browser any more.
      if (fromCookie && error instanceof AuthException) this.cookie.clear(res);
      throw error;
    }
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'End the session this refresh token belongs to (the one given, else the session cookie’s, which is cleared): the refresh token proves the session, so an expired access token does not stop a logout. With neither, the session of the access token sent (Authorization: Bearer) ends.',
  })
  async logout(
    @Ctx() ctx: RequestContext,
    @Args('input', { defaultValue: {} }) input: RefreshSessionInput,
    @Context('req') req: Request,
    @Context('res') res: Response,
  ): Promise<boolean> {
    if (input.refreshToken != null) return this.auth.logout(ctx, input.refreshToken);
    const token = this.cookie.read(req);
    this.cookie.clear(res);
    // Signing out of a browser always succeeds: a cookie whose session already ended is just removed.
    if (token) await this.auth.logout(ctx, token).catch((error: unknown) => (error instanceof AuthException ? false : Promise.reject(error)));
    // An API client that kept only its access token: that token's session ends, its refresh tokens and access tokens with it.
    const bearer = /^Bearer (\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    if (!token && bearer) return this.auth.logoutWithAccessToken(ctx, bearer);
    return true;
  }

  @BeforePasswordChange()
  @Mutation(() => UserModel, { description: 'Choose the language the platform writes to you in (e-mails).' })
  async updateMyLanguage(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMyLanguageInput): Promise<UserModel> {
    return toUserModel(await this.auth.setLanguage(ctx, input.language));
  }

  @BeforePasswordChange()
  @Query(() => UserModel, { description: 'The signed-in account.' })
  async me(@Ctx() ctx: RequestContext): Promise<UserModel> {
    return toUserModel(await this.auth.currentUser(ctx));
  }
}
