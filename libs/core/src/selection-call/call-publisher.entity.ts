import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FacilitatorEntity } from '../facilitator/facilitator.entity';

/**
 * The ministry's authorisation for a verified organisation to run selection calls: who granted it
 * and when, and, once revoked, who revoked it, when and why. A revoked grant stays as the record;
 * granting again adds a new row, so an organisation has at most one grant in force.
 */
@Entity('call_publisher')
@Index('call_publisher_in_force_key', ['facilitatorId'], { unique: true, where: '"revoked_at" IS NULL' })
@Check('call_publisher_revoked_with_reason', `("revoked_at" IS NULL) = ("revoke_reason" IS NULL) AND ("revoked_at" IS NULL) = ("revoked_by_user_id" IS NULL)`)
export class CallPublisherEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('call_publisher_facilitator_id_idx')
  @Column({ type: 'uuid' })
  facilitatorId!: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_id', foreignKeyConstraintName: 'call_publisher_facilitator_id_fkey' })
  facilitator?: FacilitatorEntity;

  @Column({ type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ type: 'uuid' })
  grantedByUserId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedByUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  revokeReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
