import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { ShopEntity } from '../shop/shop.entity';
import { DelegationEntity } from './delegation.entity';
import { HandoverStatus } from './delegation-handover.types';

/**
 * A facilitator acting for a shop registered on paper that nobody has claimed offers it to another
 * approved facilitator; once the receiver accepts, it acts for the shop under a delegation of its
 * own and the giver's ends. The owner's claim link follows the shop (see delegation-handover.queries.ts).
 */
@Entity('delegation_handover')
@Index('delegation_handover_shop_pending_key', ['shopId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('delegation_handover_from_accepted_key', ['fromDelegationId'], { unique: true, where: `"status" = 'ACCEPTED'` })
@Index('delegation_handover_to_facilitator_status_idx', ['toFacilitatorId', 'status'])
@Index('delegation_handover_from_facilitator_status_idx', ['fromFacilitatorId', 'status'])
@Check('delegation_handover_not_to_self', `"from_facilitator_id" <> "to_facilitator_id"`)
@Check('delegation_handover_accepted_has_delegation', `("status" = 'ACCEPTED') = ("to_delegation_id" IS NOT NULL)`)
@Check('delegation_handover_decided', `("status" = 'PENDING') = ("decided_at" IS NULL)`)
export class DelegationHandoverEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => ShopEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shop_id', foreignKeyConstraintName: 'delegation_handover_shop_id_fkey' })
  shop?: ShopEntity;

  /** The giver's delegation, which ends when the receiver accepts. */
  @Column({ type: 'uuid' })
  fromDelegationId!: string;

  @ManyToOne(() => DelegationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_delegation_id', foreignKeyConstraintName: 'delegation_handover_from_delegation_id_fkey' })
  fromDelegation?: DelegationEntity;

  @Column({ type: 'uuid' })
  fromFacilitatorId!: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_facilitator_id', foreignKeyConstraintName: 'delegation_handover_from_facilitator_id_fkey' })
  fromFacilitator?: FacilitatorEntity;

  @Column({ type: 'uuid' })
  toFacilitatorId!: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_facilitator_id', foreignKeyConstraintName: 'delegation_handover_to_facilitator_id_fkey' })
  toFacilitator?: FacilitatorEntity;

  /** The receiver's delegation, made when it accepts. */
  @Index('delegation_handover_to_delegation_id_idx')
  @Column({ type: 'uuid', nullable: true })
  toDelegationId!: string | null;

  @ManyToOne(() => DelegationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_delegation_id', foreignKeyConstraintName: 'delegation_handover_to_delegation_id_fkey' })
  toDelegation?: DelegationEntity;

  @Column({ type: 'enum', enum: HandoverStatus, enumName: 'delegation_handover_status' })
  status!: HandoverStatus;

  @Column({ type: 'uuid' })
  offeredByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Who accepted, declined or withdrew it; null when the platform cancelled it. */
  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;
}
