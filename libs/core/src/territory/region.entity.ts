import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('region')
@Check('region_code_format', `"code" ~ '^[0-9]{2}$'`)
export class RegionEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** ISTAT ripartizione geografica: Nord-ovest, Nord-est, Centro, Sud, Isole. */
  @Column({ type: 'text' })
  area!: string;
}
