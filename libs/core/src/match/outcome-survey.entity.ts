import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MatchEntity } from './match.entity';
import { OutcomeCheckpoint } from './match.types';

/** The shop's answer to the two-question outcome survey, once per match and checkpoint. */
@Entity('outcome_survey')
@Index('outcome_survey_match_checkpoint_key', ['matchId', 'checkpoint'], { unique: true })
@Check('outcome_survey_orders_consistent', `"approximate_orders" >= 0 AND ("got_online_orders" OR "approximate_orders" = 0)`)
export class OutcomeSurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  matchId!: string;

  @ManyToOne(() => MatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'outcome_survey_match_id_fkey' })
  match?: MatchEntity;

  @Column({ type: 'enum', enum: OutcomeCheckpoint, enumName: 'outcome_checkpoint' })
  checkpoint!: OutcomeCheckpoint;

  /** Did the service bring online orders? */
  @Column({ type: 'boolean' })
  gotOnlineOrders!: boolean;

  /** Roughly how many (0 when none). */
  @Column({ type: 'integer' })
  approximateOrders!: number;

  @Column({ type: 'timestamptz' })
  answeredAt!: Date;

  @Column({ type: 'uuid' })
  answeredByUserId!: string;
}
