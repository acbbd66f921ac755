import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ComuneEntity } from './comune.entity';
import { RegionEntity } from './region.entity';

@Entity('province')
@Check('province_code_format', `"code" ~ '^[0-9]{3}$'`)
@Check('province_sigla_format', `"sigla" ~ '^[A-Z]{2}$'`)
export class ProvinceEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('province_sigla_key', { unique: true })
  @Column({ type: 'text' })
  sigla!: string;

  @Index('province_region_code_idx')
  @Column({ type: 'text' })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'province_region_code_fkey' })
  region?: RegionEntity;

  /** ISTAT code of the comune whose coordinates stand in for comuni the gazetteer does not know. */
  @Column({ type: 'text' })
  capitalCode!: string;

  // Deferred: a province and its capital are inserted in the same transaction.
  @ManyToOne(() => ComuneEntity, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'capital_code', foreignKeyConstraintName: 'province_capital_code_fkey' })
  capital?: ComuneEntity;
}
