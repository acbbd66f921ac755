import { Check, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OfferEntity } from './offer.entity';

/**
 * One offer's declaration that it works with another provider's offer (a store platform's payment
 * or delivery integration). Declared by the offer's provider; read in both directions by bundles.
 */
@Entity('offer_integration')
@Check('offer_integration_not_self', `"offer_id" <> "partner_offer_id"`)
export class OfferIntegrationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'offer_integration_pkey' })
  offerId!: string;

  @Index('offer_integration_partner_offer_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'offer_integration_pkey' })
  partnerOfferId!: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'offer_integration_offer_id_fkey' })
  offer?: OfferEntity;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_offer_id', foreignKeyConstraintName: 'offer_integration_partner_offer_id_fkey' })
  partnerOffer?: OfferEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
