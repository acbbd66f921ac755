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
}
