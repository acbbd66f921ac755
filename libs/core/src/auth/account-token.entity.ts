import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountTokenPurpose } from './account-token-purpose';
import { UserAccountEntity } from './user-account.entity';

/**
 * A link e-mailed to the owner of an account: to verify its address, reset its password or
 * confirm a new address. Only the SHA-256 of its random secret is stored; it is used once, before
 * it expires, and a newer link of the same purpose (or its use) revokes the older ones.
 */
@Entity('account_token')
@Index('account_token_user_purpose_idx', ['userId', 'purpose'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'account_token_user_id_fkey' })
  user?: UserAccountEntity;

  @Column({ type: 'enum', enum: AccountTokenPurpose, enumName: 'account_token_purpose' })
  purpose!: AccountTokenPurpose;

  /** The address the link was sent to: the one to verify, or the new one to change to. */
  @Column({ type: 'text' })
  email!: string;

  /** SHA-256 of the link's random secret: the secret itself is never stored. */
  @Column({ type: 'text' })
  secretHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
