import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { SelectionCallStatus } from './selection-call.types';
import type { CallStatement, StoredCallEligibility, StoredScoringCriterion, TieBreakRule } from './selection-call.types';

/** A selection call (bando): places on some offers given by a published ranking; run by the ministry or an organisation it authorises. */
@Entity('selection_call')
@Index('selection_call_status_closes_at_idx', ['status', 'closesAt'])
@Check('selection_call_places_positive', `"places" >= 1`)
@Check('selection_call_window_order', `"opens_at" < "closes_at"`)
@Check('selection_call_title_length', `char_length("title") BETWEEN 3 AND 200`)
export class SelectionCallEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'enum', enum: SelectionCallStatus, enumName: 'selection_call_status', default: SelectionCallStatus.DRAFT })
  status!: SelectionCallStatus;

  @Column({ type: 'integer' })
  places!: number;

  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'jsonb' })
  eligibility!: StoredCallEligibility;

  @Column({ type: 'jsonb' })
  declarations!: CallStatement[];

  @Column({ type: 'jsonb' })
  questions!: CallStatement[];

  @Column({ type: 'jsonb' })
  scoring!: StoredScoringCriterion[];

  @Column({ type: 'text', array: true })
  tieBreak!: TieBreakRule[];

  /** Published with the call: each applicant's draw key is sha256(seed:application id), so anyone can check the last tie-break. */
  @Column({ type: 'text', nullable: true })
  drawSeed!: string | null;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  /** The authorised organisation that runs the call; null when the ministry runs it. */
  @Index('selection_call_publisher_facilitator_id_idx')
  @Column({ type: 'uuid', nullable: true })
  publisherFacilitatorId!: string | null;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publisher_facilitator_id', foreignKeyConstraintName: 'selection_call_publisher_facilitator_id_fkey' })
  publisherFacilitator?: FacilitatorEntity;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
