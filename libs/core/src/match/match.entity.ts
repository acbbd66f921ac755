import { ServiceCategory } from '@vec/matching';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AllocationRunEntity } from '../allocation/allocation-run.entity';
import { HelpRequestEntity } from '../help-request/help-request.entity';
import { OfferEntity } from '../offer/offer.entity';
import { ProviderEntity } from '../provider/provider.entity';
import { ShopEntity } from '../shop/shop.entity';
import { MatchOrigin, MatchState, OutcomeCheckpoint, SERVED_STATES, sqlStates } from './match.types';

/**
 * A help request paired with an offer. Shop, provider and category are copied from the request
 * and the offer so that the database itself can enforce the limits (partial unique indexes) and
 * keep `offer.used` equal to the slot-holding rows (a trigger, see the matching migration).
 */
@Entity('match')
@Index('match_request_open_key', ['helpRequestId'], { unique: true, where: `"state" IN ('WAITLISTED','PENDING','ACCEPTED','ACTIVE')` })
@Index('match_shop_category_live_key', ['shopId', 'category'], { unique: true, where: `"state" IN ('PENDING','ACCEPTED','ACTIVE')` })
@Index('match_offer_state_idx', ['offerId', 'state'])
@Index('match_created_at_idx', ['createdAt'])
@Index('match_shop_state_idx', ['shopId', 'state'])
@Index('match_provider_state_idx', ['providerId', 'state'])
@Index('match_pending_respond_by_idx', ['respondBy'], { where: `"state" = 'PENDING'` })
@Index('match_active_free_until_idx', ['freeUntil'], { where: `"state" = 'ACTIVE'` })
// Monitoring: activations by date, and the time to acceptance, read from the index alone.
@Index('match_activated_at_idx', ['activatedAt'], { where: `"activated_at" IS NOT NULL` })
@Index('match_accepted_at_idx', ['acceptedAt', 'requestedAt', 'activatedAt'], { where: `"accepted_at" IS NOT NULL` })
// Monitoring: the requests served (a match accepted, active or completed), read from the index alone.
@Index('match_served_request_idx', ['helpRequestId'], { where: `"state" IN (${sqlStates(SERVED_STATES)})` })
@Check('match_pending_has_deadline', `"state" <> 'PENDING' OR "respond_by" IS NOT NULL`)
@Check('match_waitlisted_has_time', `"state" <> 'WAITLISTED' OR "waitlisted_at" IS NOT NULL`)
@Check('match_distance_non_negative', `"distance_km" >= 0`)
export class MatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('match_help_request_id_idx')
  @Column({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'help_request_id', foreignKeyConstraintName: 'match_help_request_id_fkey' })
  helpRequest?: HelpRequestEntity;

  @Column({ type: 'uuid' })
  offerId!: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'match_offer_id_fkey' })
  offer?: OfferEntity;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => ShopEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shop_id', foreignKeyConstraintName: 'match_shop_id_fkey' })
  shop?: ShopEntity;

  @Column({ type: 'uuid' })
  providerId!: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'match_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ type: 'enum', enum: ServiceCategory, enumName: 'service_category' })
  category!: ServiceCategory;

  @Column({ type: 'enum', enum: MatchState, enumName: 'match_state' })
  state!: MatchState;

  @Column({ type: 'enum', enum: MatchOrigin, enumName: 'match_origin' })
  origin!: MatchOrigin;

  @Index('match_allocation_run_id_idx')
  @Column({ type: 'uuid', nullable: true })
  allocationRunId!: string | null;

  @ManyToOne(() => AllocationRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'allocation_run_id', foreignKeyConstraintName: 'match_allocation_run_id_fkey' })
  allocationRun?: AllocationRunEntity;

  /**
   * The set application this match is a part of: the parts a shop applied to together for its
   * bundle share it (they wait, and can be withdrawn, as one). Null for a single application.
   */
  @Index('match_set_id_idx', { where: `"set_id" IS NOT NULL` })
  @Column({ type: 'uuid', nullable: true })
  setId!: string | null;

  /** How the offer reaches the shop when the match was made (COMUNE … NATIONAL) and how far. */
  @Column({ type: 'text' })
  coverageLevel!: string;

  @Column({ type: 'double precision' })
  distanceKm!: number;

  /** PENDING: the provider must answer by then, or the hold expires. */
  @Column({ type: 'timestamptz', nullable: true })
  respondBy!: Date | null;

  /** When the request joined the offer's waitlist (its place in the queue). */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  /** ACTIVE: the free period ends then, and the match completes. */
  @Column({ type: 'timestamptz', nullable: true })
  freeUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** The timed surveys (30 and 90 days) its shop was reminded of: each reminder goes once, whatever later deletes its notification. */
  @Column({ type: 'enum', enum: OutcomeCheckpoint, enumName: 'outcome_checkpoint', array: true, default: () => "'{}'" })
  surveyReminders!: OutcomeCheckpoint[];

  /** DECLINED, WITHDRAWN or EXPIRED: when, and why in the actor's words or a system code. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Copied by database triggers from the request and its shop, for monitoring without joins. */
  @Column({ type: 'timestamptz', insert: false, update: false })
  requestedAt!: Date;

  @Index('match_region_code_idx')
  @Column({ type: 'text', insert: false, update: false })
  regionCode!: string;

  @Index('match_province_code_idx')
  @Column({ type: 'text', insert: false, update: false })
  provinceCode!: string;

  @Column({ type: 'text', insert: false, update: false })
  atecoSection!: string;
}
