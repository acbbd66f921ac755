import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity';
import { ProviderKind, VerificationStatus } from './provider.types';

/** A company offering free digital services; verified by ministry staff before shops see its offers. */
@Entity('provider')
@Check('provider_partita_iva_format', `"partita_iva" ~ '^[0-9]{11}$'`)
export class ProviderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('provider_owner_user_id_key', { unique: true })
  @Column({ type: 'uuid' })
  ownerUserId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'provider_owner_user_id_fkey' })
  owner?: UserAccountEntity;

  @Column({ type: 'text' })
  name!: string;

  @Index('provider_partita_iva_key', { unique: true })
  @Column({ type: 'text' })
  partitaIva!: string;

  @Column({ type: 'enum', enum: ProviderKind, enumName: 'provider_kind' })
  kind!: ProviderKind;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Index('provider_verification_status_idx')
  @Column({ type: 'enum', enum: VerificationStatus, enumName: 'verification_status', default: VerificationStatus.PENDING })
  verificationStatus!: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  verificationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  /** When a rejected organisation last corrected its details and came back to the queue. */
  @Column({ type: 'timestamptz', nullable: true })
  resubmittedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
