import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MatchEntity } from './match.entity';
import { MatchState } from './match.types';

/** One step of a match's life: from, to, who, when, why. Append-only (a trigger refuses changes). */
@Entity('match_transition')
export class MatchTransitionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index('match_transition_match_id_idx')
  @Column({ type: 'uuid' })
  matchId!: string;

  @ManyToOne(() => MatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'match_transition_match_id_fkey' })
  match?: MatchEntity;

  /** Null for the first step (the match was created in `toState`). */
  @Column({ type: 'enum', enum: MatchState, enumName: 'match_state', nullable: true })
  fromState!: MatchState | null;

  @Column({ type: 'enum', enum: MatchState, enumName: 'match_state' })
  toState!: MatchState;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** Null when the platform acted (expiry, promotion, allocation run). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text' })
  requestId!: string;
}
