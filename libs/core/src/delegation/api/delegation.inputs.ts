import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ServiceCategory } from '@vec/matching';
import '../../api/service-category.model';
import { asAlternatives, identifies, IsAtecoSection, IsComuneCode, worded, EmailAddress, NewPassword, PASSWORD_MIN_LENGTH } from '../../api/input-rules';
import { UserLanguage } from '../../auth/user-language';
import { MESSAGES } from '../../messages';
import { PRIVACY_NOTICE_VERSION } from '../../privacy/privacy-notice';
import { RegisterShopInput } from '../../shop/api/shop.inputs';
import type { ClaimShop, DelegatedShopFilter, InviteShop, RegisterShopOnPaper } from '../delegation.commands';

@InputType({ description: 'Invite a shop by e-mail to let your organisation act on its behalf.' })
export class InviteShopInput implements InviteShop {
  @Field({ description: 'The shop owner’s e-mail: the invitation link goes there.' }) @EmailAddress() email!: string;
}

@InputType({ description: 'Register a business without an account yet, under the paper consent its owner signed; the owner gets a link to claim it.' })
export class RegisterShopOnPaperInput implements RegisterShopOnPaper {
  @Field(() => RegisterShopInput) @ValidateNested() @Type(() => RegisterShopInput) @IsDefined() shop!: RegisterShopInput;
  @Field({ description: 'The owner’s e-mail, where the claim link goes.' }) @EmailAddress() ownerEmail!: string;
  @Field({ description: 'The date on the signed declaration, YYYY-MM-DD; not in the future, nor more than two years ago.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  declaredOn!: string;
}

@InputType({ description: 'Send the claim link again for a shop registered on paper and not yet claimed.' })
export class ResendClaimLinkInput {
  @Field(() => ID) @IsUUID('all', identifies('any')) delegationId!: string;
  @Field(() => String, { nullable: true, description: 'A corrected address for the owner; else the one the link went to.' })
  @IsOptional()
  @EmailAddress()
  ownerEmail?: string | null;
}

@InputType()
export class DelegationIdInput {
  @Field(() => ID) @IsUUID('all', identifies('any')) delegationId!: string;
}

@InputType({ description: 'A shop chooses an approved facilitator to act for it.' })
export class GrantDelegationInput {
  @Field(() => ID) @IsUUID('all', identifies('facilitator')) facilitatorId!: string;
}

@InputType({ description: 'Accept or decline an invitation, signed in as the shop’s owner.' })
export class AnswerDelegationInvitationInput {
  @Field({ description: 'The link’s code (what follows /delega#; in links sent before, /delega/).' }) @IsString() @MaxLength(200) link!: string;
  @Field() @IsBoolean() accept!: boolean;
}

@InputType({ description: 'Claim a shop a facilitator registered for you: signed in with an account that has no shop, or with a password for a new account.' })
export class ClaimShopInput implements ClaimShop {
  @Field({ description: 'The link’s code (what follows /rivendica#; in links sent before, /rivendica/).' }) @IsString() @MaxLength(200) link!: string;
  @Field({ nullable: true, description: `For a new account, at least ${PASSWORD_MIN_LENGTH} characters other than spaces, and not easy to guess.` })
  @NewPassword({ optional: true })
  password?: string;

  @Field(() => String, { nullable: true, description: 'With a password (a new account): the version of the privacy notice the owner read and accepted (privacyNotice.version).' })
  @IsOptional()
  @IsIn([PRIVACY_NOTICE_VERSION], worded(MESSAGES.validation.privacyNoticeVersion))
  privacyNoticeVersion?: string;

  @Field(() => UserLanguage, { nullable: true, description: 'With a password (a new account): the language e-mails are written in; Italian when omitted.' })
  @IsOptional()
  @IsIn(Object.values(UserLanguage), asAlternatives())
  language?: UserLanguage;
}

@InputType()
export class DelegatedShopFilterInput implements DelegatedShopFilter {
  @Field({ nullable: true }) @IsOptional() @IsComuneCode() comuneCode?: string;
  @Field({ nullable: true, description: 'ATECO section, one letter.' }) @IsOptional() @IsAtecoSection() atecoSection?: string;
  @Field(() => ServiceCategory, { nullable: true, description: 'Shops with a request in this category.' })
  @IsOptional()
  @IsIn(Object.values(ServiceCategory), asAlternatives())
  category?: ServiceCategory;
}
