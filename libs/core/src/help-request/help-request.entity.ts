import { ServiceCategory } from '@vec/matching';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ShopEntity } from '../shop/shop.entity';
import { HelpRequestBundleEntity } from './help-request-bundle.entity';
import { HelpRequestStatus } from './help-request.types';

/** A shop's need for one category of service. */
@Entity('help_request')
@Index('help_request_status_category_idx', ['status', 'category'])
@Index('help_request_created_at_idx', ['createdAt'])
@Index('help_request_category_shop_idx', ['category', 'shopId'])
// Monitoring counts requests by place and status from these alone.
@Index('help_request_region_status_idx', ['regionCode', 'status'])
@Index('help_request_province_status_idx', ['provinceCode', 'status'])
@Check('help_request_description_length', `char_length("description") BETWEEN 1 AND 2000`)
export class HelpRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('help_request_shop_id_idx')
  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => ShopEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shop_id', foreignKeyConstraintName: 'help_request_shop_id_fkey' })
  shop?: ShopEntity;

  @Column({ type: 'enum', enum: ServiceCategory, enumName: 'service_category' })
  category!: ServiceCategory;

  @Column({ type: 'text' })
  description!: string;

  /** The bundle the request was asked in, if any (one request per category of the bundle). */
  @Index('help_request_bundle_id_idx')
  @Column({ type: 'uuid', nullable: true })
  bundleId!: string | null;

  @ManyToOne(() => HelpRequestBundleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bundle_id', foreignKeyConstraintName: 'help_request_bundle_id_fkey' })
  bundle?: HelpRequestBundleEntity;

  @Column({ type: 'enum', enum: HelpRequestStatus, enumName: 'help_request_status', default: HelpRequestStatus.OPEN })
  status!: HelpRequestStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /**
   * The shop's region, province and ATECO section, kept here by database triggers (never written
   * by the application) so that monitoring counts requests by place and sector without joins.
   */
  @Index('help_request_region_code_idx')
  @Column({ type: 'text', insert: false, update: false })
  regionCode!: string;

  @Index('help_request_province_code_idx')
  @Column({ type: 'text', insert: false, update: false })
  provinceCode!: string;

  @Column({ type: 'text', insert: false, update: false })
  atecoSection!: string;
}
