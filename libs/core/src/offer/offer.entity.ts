import { ServiceCategory } from '@vec/matching';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProviderEntity } from '../provider/provider.entity';
import { OfferCoverageEntity } from './offer-coverage.entity';
import { OfferStatus } from './offer.types';

/** A free service a provider offers to a limited number of shops. */
@Entity('offer')
@Index('offer_provider_external_key_key', ['providerId', 'externalKey'], { unique: true })
@Check('offer_capacity_positive', `"capacity" >= 1`)
@Check('offer_used_within_capacity', `"used" >= 0 AND "used" <= "capacity"`)
@Check('offer_free_period_positive', `"free_period_months" >= 1`)
@Check('offer_validity_order', `"valid_until" IS NULL OR "valid_until" > "valid_from"`)
@Check('offer_has_categories', `cardinality("categories") >= 1`)
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('offer_provider_id_idx')
  @Column({ type: 'uuid' })
  providerId!: string;

  /** The provider's own key for the offer, given by a CSV import: a second import of the row updates it. */
  @Column({ type: 'text', nullable: true })
  externalKey!: string | null;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'offer_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Index('offer_categories_idx', { synchronize: false })
  @Column({ type: 'enum', enum: ServiceCategory, enumName: 'service_category', array: true })
  categories!: ServiceCategory[];

  /** Covers all of Italy; otherwise see the coverage rows. */
  @Column({ type: 'boolean', default: false })
  coverageNational!: boolean;

  @OneToMany(() => OfferCoverageEntity, (coverage) => coverage.offer)
  coverage?: OfferCoverageEntity[];

  /** Empty lists and `allSectors` true: every ATECO sector is eligible. */
  @Column({ type: 'boolean', default: true })
  allSectors!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  eligibleSections!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  eligibleDivisions!: string[];

  /** How many shops it can serve. */
  @Column({ type: 'integer' })
  capacity!: number;

  /** Slots taken by live or completed matches; kept equal to those rows by a trigger on `match`. */
  @Column({ type: 'integer', default: 0 })
  used!: number;

  @Column({ type: 'integer' })
  freePeriodMonths!: number;

  @Column({ type: 'text' })
  conditions!: string;

  @Column({ type: 'timestamptz' })
  validFrom!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  validUntil!: Date | null;

  @Index('offer_status_idx')
  @Column({ type: 'enum', enum: OfferStatus, enumName: 'offer_status', default: OfferStatus.DRAFT })
  status!: OfferStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Why ministry staff last suspended the offer (or lifted the suspension), for its provider to read. */
  @Column({ type: 'text', nullable: true })
  moderationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  moderatedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  moderatedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
