import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { HelpRequestEntity } from '../help-request/help-request.entity';
import { MatchEntity } from '../match/match.entity';
import { OfferEntity } from '../offer/offer.entity';
import { AllocationRunEntity } from './allocation-run.entity';
import { UnservedReasonCode } from './allocation.types';

/** What a run decided for one open request: an offer (and, once committed, the match) or why none. */
@Entity('allocation_run_item')
@Check('allocation_run_item_outcome', `("offer_id" IS NULL) = ("unserved_reason" IS NOT NULL)`)
export class AllocationRunItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  runId!: string;

  @ManyToOne(() => AllocationRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'allocation_run_item_run_id_fkey' })
  run?: AllocationRunEntity;

  @Index('allocation_run_item_help_request_id_idx')
  @PrimaryColumn({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'help_request_id', foreignKeyConstraintName: 'allocation_run_item_help_request_id_fkey' })
  helpRequest?: HelpRequestEntity;

  @Column({ type: 'uuid', nullable: true })
  offerId!: string | null;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'allocation_run_item_offer_id_fkey' })
  offer?: OfferEntity;

  @Column({ type: 'integer', nullable: true })
  cost!: number | null;

  @Column({ type: 'text', nullable: true })
  coverageLevel!: string | null;

  @Column({ type: 'double precision', nullable: true })
  distanceKm!: number | null;

  @Column({ type: 'enum', enum: UnservedReasonCode, enumName: 'unserved_reason', nullable: true })
  unservedReason!: UnservedReasonCode | null;

  @Column({ type: 'uuid', nullable: true })
  matchId!: string | null;

  @ManyToOne(() => MatchEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'allocation_run_item_match_id_fkey' })
  match?: MatchEntity;
}
