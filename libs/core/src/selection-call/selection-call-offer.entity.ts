import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OfferEntity } from '../offer/offer.entity';
import { SelectionCallEntity } from './selection-call.entity';

/** An offer whose places a call gives, in the call's order of preference. */
@Entity('selection_call_offer')
export class SelectionCallOfferEntity {
  @PrimaryColumn({ type: 'uuid' })
  callId!: string;

  @PrimaryColumn({ type: 'uuid' })
  offerId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @ManyToOne(() => SelectionCallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'selection_call_offer_call_id_fkey' })
  call?: SelectionCallEntity;

  @ManyToOne(() => OfferEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'selection_call_offer_offer_id_fkey' })
  offer?: OfferEntity;
}
