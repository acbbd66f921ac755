import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ComuneEntity } from '../territory/comune.entity';
import { ProvinceEntity } from '../territory/province.entity';
import { RegionEntity } from '../territory/region.entity';
import { OfferEntity } from './offer.entity';
import { CoverageKind } from './offer.types';

/**
 * One area an offer covers. Kept as rows (not JSON) so that "which offers cover comune X" is an
 * indexed lookup by region, province, comune, or a latitude band for radii.
 */
@Entity('offer_coverage')
@Check(
  'offer_coverage_shape',
  `("kind" = 'REGION' AND "region_code" IS NOT NULL AND "province_code" IS NULL AND "comune_code" IS NULL AND "radius_km" IS NULL)
   OR ("kind" = 'PROVINCE' AND "province_code" IS NOT NULL AND "region_code" IS NULL AND "comune_code" IS NULL AND "radius_km" IS NULL)
   OR ("kind" = 'COMUNE' AND "comune_code" IS NOT NULL AND "region_code" IS NULL AND "province_code" IS NULL AND "radius_km" IS NULL)
   OR ("kind" = 'RADIUS' AND "radius_km" BETWEEN 1 AND 500 AND "center_latitude" IS NOT NULL AND "center_longitude" IS NOT NULL)`,
)
export class OfferCoverageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('offer_coverage_offer_id_idx')
  @Column({ type: 'uuid' })
  offerId!: string;

  @ManyToOne(() => OfferEntity, (offer) => offer.coverage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'offer_coverage_offer_id_fkey' })
  offer?: OfferEntity;

  @Column({ type: 'enum', enum: CoverageKind, enumName: 'coverage_kind' })
  kind!: CoverageKind;

  @Index('offer_coverage_region_code_idx')
  @Column({ type: 'text', nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'offer_coverage_region_code_fkey' })
  region?: RegionEntity;

  @Index('offer_coverage_province_code_idx')
  @Column({ type: 'text', nullable: true })
  provinceCode!: string | null;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'offer_coverage_province_code_fkey' })
  province?: ProvinceEntity;

  /** For COMUNE coverage; for RADIUS, the comune the circle is drawn around (if any). */
  @Index('offer_coverage_comune_code_idx')
  @Column({ type: 'text', nullable: true })
  comuneCode!: string | null;

  @ManyToOne(() => ComuneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'comune_code', foreignKeyConstraintName: 'offer_coverage_comune_code_fkey' })
  comune?: ComuneEntity;

  @Index('offer_coverage_center_latitude_idx')
  @Column({ type: 'double precision', nullable: true })
  centerLatitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  centerLongitude!: number | null;

  @Column({ type: 'integer', nullable: true })
  radiusKm!: number | null;

  /**
   * For RADIUS, the provinces the circle reaches (its centre's, and those with a comune whose centre
   * lies in it), for the figures per place. A trigger computes it on every write; never set here.
   */
  @Column({ type: 'text', array: true, nullable: true, insert: false, update: false, select: false })
  reachProvinceCodes!: string[] | null;
}
