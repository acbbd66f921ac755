import { CoordinatesSource } from '@vec/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProvinceEntity } from './province.entity';
import { RegionEntity } from './region.entity';

@Entity('comune')
@Check('comune_code_format', `"code" ~ '^[0-9]{6}$'`)
@Check('comune_population_non_negative', `"population" >= 0`)
@Check('comune_coordinates_range', `"latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180`)
// Prefix search on the folded name: a text_pattern_ops index TypeORM cannot describe, kept by migrations.
@Index('comune_search_name_prefix_idx', { synchronize: false })
// Trigram indexes of the search keys (one over names and province together), kept by migrations.
@Index('comune_search_names_trgm_idx', { synchronize: false })
@Index('comune_search_places_trgm_idx', { synchronize: false })
export class ComuneEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  /** The Italian name ("Bolzano"). */
  @Column({ type: 'text' })
  name!: string;

  /** The official name in the comune's second language ("Bozen"), where ISTAT lists one. */
  @Column({ type: 'text', nullable: true })
  secondLanguageName!: string | null;

  /** `name` folded for accent- and case-insensitive prefix search (see normalizePlaceName). */
  @Column({ type: 'text' })
  searchName!: string;

  /**
   * Every name of the comune folded in SQL, as whole-name and word prefixes ("| l aquila | laquila |
   * aquila |"), and the same for its province: written by a trigger, read only by the search.
   */
  @Column({ type: 'text', select: false, insert: false, update: false })
  searchNames!: string;

  @Column({ type: 'text', select: false, insert: false, update: false })
  searchProvince!: string;

  @Index('comune_province_code_idx')
  @Column({ type: 'text' })
  provinceCode!: string;

  @ManyToOne(() => ProvinceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'comune_province_code_fkey' })
  province?: ProvinceEntity;

  @Index('comune_region_code_idx')
  @Column({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'comune_region_code_fkey' })
  region?: RegionEntity;

  @Column({ type: 'text' })
  cadastralCode!: string;

  @Column({ type: 'text', array: true })
  postcodes!: string[];

  @Column({ type: 'integer' })
  population!: number;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ type: 'enum', enum: CoordinatesSource, enumName: 'coordinates_source' })
  coordinatesSource!: CoordinatesSource;
}
