import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserLanguage } from './user-language';
import { UserRole } from './user-role';

@Entity('user_account')
@Check('user_account_email_lowercase', `"email" = lower("email")`)
@Check('user_account_language_known', `"language" IN ('it', 'en')`)
export class UserAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('user_account_email_key', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  /** Argon2id hash (PHC string). */
  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role!: UserRole;

  /** The language e-mails to the account are written in: chosen at sign-up, changed in the preferences. */
  @Column({ type: 'text', default: UserLanguage.IT })
  language!: UserLanguage;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /**
   * When the owner proved the address is theirs (the link e-mailed at sign-up or at a change of
   * address). Until then the account may sign in but not apply to offers or calls, nor publish
   * offers, and allocation runs leave its shop's requests out. Staff
   * accounts, the demo's and those from before the rule are verified.
   */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;
  /**
   * The password was set by someone else (an administrator creating the account, the command
   * line): until the owner chooses a new one, the account may do nothing else.
   */
  @Column({ type: 'boolean', default: false })
  passwordChangeRequired!: boolean;

  /** When the person asked for erasure: the row stays as a pseudonym for the audit trail, with nothing personal in it. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;
}
