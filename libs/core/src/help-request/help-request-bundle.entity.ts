import { ServiceCategory } from '@vec/matching';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ShopEntity } from '../shop/shop.entity';

/**
 * A shop's bundle: several services asked together (a store, payments and delivery to sell
 * online), one help request per category, each pointing here. Recommended and applied to as a set.
 */
@Entity('help_request_bundle')
@Check('help_request_bundle_two_categories', `cardinality("categories") >= 2`)
export class HelpRequestBundleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'help_request_bundle_pkey' })
  id!: string;

  @Index('help_request_bundle_shop_id_idx')
  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => ShopEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shop_id', foreignKeyConstraintName: 'help_request_bundle_shop_id_fkey' })
  shop?: ShopEntity;

  /** The categories asked, in the platform's order; one request each. */
  @Column({ type: 'enum', enum: ServiceCategory, enumName: 'service_category', array: true })
  categories!: ServiceCategory[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
