import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { ShopEntity } from '../shop/shop.entity';
import { DelegationConsent, DelegationStatus } from './delegation.types';

/**
 * A shop's consent that a facilitator acts for it (manage its profile and requests, apply and
 * confirm on its behalf), from the invitation or choice to its end. The shop revokes it at any time.
 */
@Entity('delegation')
@Index('delegation_shop_facilitator_live_key', ['shopId', 'facilitatorId'], { unique: true, where: `"status" = 'ACTIVE'` })
@Index('delegation_facilitator_status_idx', ['facilitatorId', 'status'])
@Index('delegation_facilitator_external_key_key', ['facilitatorId', 'externalKey'], { unique: true, where: `"external_key" IS NOT NULL` })
@Check('delegation_active_has_shop', `"status" IN ('INVITED', 'WITHDRAWN') OR "shop_id" IS NOT NULL`)
@Check('delegation_consent_given', `"status" IN ('INVITED', 'DECLINED', 'WITHDRAWN') OR "consent" IS NOT NULL`)
@Check('delegation_paper_dated', `"consent" IS DISTINCT FROM 'PAPER' OR "paper_declared_on" IS NOT NULL`)
export class DelegationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  facilitatorId!: string;

  @ManyToOne(() => FacilitatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_id', foreignKeyConstraintName: 'delegation_facilitator_id_fkey' })
  facilitator?: FacilitatorEntity;

  /** Unknown while an e-mail invitation waits: the shop is the one whose owner accepts it. */
  @Index('delegation_shop_id_idx')
  @Column({ type: 'uuid', nullable: true })
  shopId!: string | null;

  @ManyToOne(() => ShopEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shop_id', foreignKeyConstraintName: 'delegation_shop_id_fkey' })
  shop?: ShopEntity;

  @Column({ type: 'enum', enum: DelegationStatus, enumName: 'delegation_status' })
  status!: DelegationStatus;

  @Column({ type: 'enum', enum: DelegationConsent, enumName: 'delegation_consent', nullable: true })
  consent!: DelegationConsent | null;

  /** The date on the paper declaration the shop signed, when its consent is on paper. */
  @Column({ type: 'date', nullable: true })
  paperDeclaredOn!: string | null;

  /** The facilitator's own code for a shop it registered from a CSV file: importing the row again finds it. */
  @Column({ type: 'text', nullable: true })
  externalKey!: string | null;

  /** Where the invitation (or the claim link, for a shop registered on paper) was sent. */
  @Column({ type: 'text', nullable: true })
  invitedEmail!: string | null;

  /** SHA-256 of the secret of the single-use link (invitation or claim); only its hash is kept. */
  @Column({ type: 'text', nullable: true })
  linkSecretHash!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  linkExpiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  linkUsedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endedByUserId!: string | null;
}
