import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { ShopEntity } from '../shop/shop.entity';
import { SelectionCallEntity } from './selection-call.entity';
import { CallApplicationStatus, CallReserveReason } from './selection-call.types';
import type { StoredScorePart } from './selection-call.types';

/**
 * A shop's application to a call: what it declared and answered, what it was when it applied
 * (sector, size, place: the ranking reads these, not the shop as it is later), and, from the
 * closing, its score, rank and outcome.
 */
@Entity('call_application')
@Unique('call_application_one_per_shop', ['callId', 'shopId'])
@Index('call_application_call_status_position_idx', ['callId', 'status', 'position'])
@Check('call_application_excluded_has_reason', `("status" <> 'EXCLUDED') OR ("exclusion_reason" IS NOT NULL)`)
@Check('call_application_admitted_has_match', `("status" <> 'ADMITTED') OR ("match_id" IS NOT NULL)`)
export class CallApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  callId!: string;

  @ManyToOne(() => SelectionCallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_application_call_id_fkey' })
  call?: SelectionCallEntity;

  @Index('call_application_shop_id_idx')
  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => ShopEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shop_id', foreignKeyConstraintName: 'call_application_shop_id_fkey' })
  shop?: ShopEntity;

  @Column({ type: 'enum', enum: CallApplicationStatus, enumName: 'call_application_status', default: CallApplicationStatus.SUBMITTED })
  status!: CallApplicationStatus;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'text', array: true })
  declarations!: string[];

  @Column({ type: 'jsonb' })
  answers!: Record<string, boolean>;

  @Column({ type: 'text' })
  atecoSection!: string;

  @Column({ type: 'text' })
  atecoDivision!: string;

  @Column({ type: 'integer' })
  employees!: number;

  /** The facilitator organisation that submitted it for the shop, confirming its declarations in the shop's name; null when the shop did. */
  @Column({ type: 'uuid', nullable: true })
  submittedByFacilitatorId!: string | null;

  /** The shop's name when it applied, for the published graduatoria: set on insert by a trigger from the shop row. */
  @Column({ type: 'text' })
  shopName!: string;

  @Column({ type: 'text' })
  comuneCode!: string;

  @Column({ type: 'text' })
  provinceCode!: string;

  @Column({ type: 'text' })
  regionCode!: string;

  /** From the closing: hundredths of a point, and each criterion's part. */
  @Column({ type: 'integer', nullable: true })
  score!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  scoreParts!: StoredScorePart[] | null;

  @Column({ type: 'integer', nullable: true })
  position!: number | null;

  /** How many others have the same score, and what put it below the one ranked just above. */
  @Column({ type: 'integer', nullable: true })
  tiedWith!: number | null;

  @Column({ type: 'text', nullable: true })
  separatedBy!: string | null;

  /** The place held for it (the match feature's row). */
  @Column({ type: 'uuid', nullable: true })
  matchId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  admittedAt!: Date | null;

  /** RESERVE: why it waits (null for applications ranked before reasons were kept). */
  @Column({ type: 'enum', enum: CallReserveReason, enumName: 'call_reserve_reason', nullable: true })
  reserveReason!: CallReserveReason | null;

  @Column({ type: 'text', nullable: true })
  exclusionReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  excludedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
