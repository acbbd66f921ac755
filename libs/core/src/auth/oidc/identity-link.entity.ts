import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from '../user-account.entity';

/**
 * An account's identity at an identity provider (SPID, CIE or another OpenID provider): the
 * provider's subject for the person and, for SPID and CIE, the fiscal code it vouched for. A later
 * sign-in with the same subject, or with another provider vouching for the same fiscal code, reaches
 * the same account.
 */
@Entity('identity_link')
@Index('identity_link_provider_subject_key', ['providerId', 'subject'], { unique: true })
@Check('identity_link_fiscal_code_upper', `"fiscal_code" = upper("fiscal_code")`)
export class IdentityLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('identity_link_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'identity_link_user_id_fkey' })
  user?: UserAccountEntity;

  /** The `id` of the provider in OIDC_PROVIDERS. */
  @Column({ type: 'text' })
  providerId!: string;

  /** The provider's `sub` for the person. */
  @Column({ type: 'text' })
  subject!: string;

  @Index('identity_link_fiscal_code_idx')
  @Column({ type: 'text', nullable: true })
  fiscalCode!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSignInAt!: Date;
}
