import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity';
import { ComuneEntity } from '../territory/comune.entity';

/** A neighbourhood shop, artisan workshop or small local business. */
@Entity('shop')
@Check('shop_partita_iva_format', `"partita_iva" ~ '^[0-9]{11}$'`)
@Check('shop_ateco_format', `"ateco_section" ~ '^[A-V]$' AND "ateco_division" ~ '^[0-9]{2}$'`)
@Check('shop_employees_non_negative', `"employees" >= 0`)
@Check('shop_coordinates_range', `"latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180`)
export class ShopEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * The account that manages this shop (one shop per account). None for a shop a facilitator
   * registered under a paper consent, until its owner claims it.
   */
  @Index('shop_owner_user_id_key', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'shop_owner_user_id_fkey' })
  owner?: UserAccountEntity;

  @Column({ type: 'text' })
  legalName!: string;

  @Column({ type: 'text', nullable: true })
  tradingName!: string | null;

  @Index('shop_partita_iva_key', { unique: true })
  @Column({ type: 'text' })
  partitaIva!: string;

  @Column({ type: 'text' })
  atecoSection!: string;

  @Column({ type: 'text' })
  atecoDivision!: string;

  @Index('shop_comune_code_idx')
  @Column({ type: 'text' })
  comuneCode!: string;

  @ManyToOne(() => ComuneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'comune_code', foreignKeyConstraintName: 'shop_comune_code_fkey' })
  comune?: ComuneEntity;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  /** True when the coordinates are the comune's (no precise point was given). */
  @Column({ type: 'boolean' })
  coordinatesFromComune!: boolean;

  @Column({ type: 'integer' })
  employees!: number;

  @Column({ type: 'text' })
  contactEmail!: string;

  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
