import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from './user-account.entity';

/**
 * One refresh token of a rotation family. Each refresh uses the token once and issues the next
 * in the same family; presenting a used token again revokes the whole family.
 */
@Entity('refresh_token')
// A session is live while its family has a current token (not yet used, not revoked): every
// authenticated request asks, so the question is answered from this small index.
@Index('refresh_token_live_family_idx', ['familyId'], { where: 'used_at IS NULL AND revoked_at IS NULL' })
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('refresh_token_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'refresh_token_user_id_fkey' })
  user?: UserAccountEntity;

  @Index('refresh_token_family_id_idx')
  @Column({ type: 'uuid' })
  familyId!: string;

  /** SHA-256 of the token's random secret: the secret itself is never stored. */
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
