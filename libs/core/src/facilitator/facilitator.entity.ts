import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity';
import { VerificationStatus } from '../provider/provider.types';
import { FacilitatorKind } from './facilitator.types';

/**
 * An intermediary (chamber of commerce, trade association, Digital Innovation Hub, municipal
 * business office) that onboards shops and acts for them under their delegation; verified by
 * ministry staff as providers are.
 */
@Entity('facilitator')
@Check('facilitator_tax_code_format', `"tax_code" ~ '^[0-9]{11}$'`)
@Check('facilitator_territory_given', `"national" OR cardinality("region_codes") + cardinality("province_codes") + cardinality("comune_codes") > 0`)
export class FacilitatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('facilitator_owner_user_id_key', { unique: true })
  @Column({ type: 'uuid' })
  ownerUserId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'facilitator_owner_user_id_fkey' })
  owner?: UserAccountEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: FacilitatorKind, enumName: 'facilitator_kind' })
  kind!: FacilitatorKind;

  /** Partita IVA or the numeric codice fiscale of a body without one: 11 digits either way. */
  @Index('facilitator_tax_code_key', { unique: true })
  @Column({ type: 'text' })
  taxCode!: string;

  @Column({ type: 'text' })
  contactEmail!: string;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  /** The territory it serves: all of Italy, or any mix of regions, provinces and comuni (ISTAT codes). */
  @Column({ type: 'boolean', default: false })
  national!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  regionCodes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  provinceCodes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  comuneCodes!: string[];

  @Index('facilitator_verification_status_idx')
  @Column({ type: 'enum', enum: VerificationStatus, enumName: 'verification_status', default: VerificationStatus.PENDING })
  verificationStatus!: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  verificationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resubmittedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
