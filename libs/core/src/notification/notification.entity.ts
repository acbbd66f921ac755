import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity';
import { MatchEntity } from '../match/match.entity';

/** An in-app message to one account, e.g. "your application was accepted". */
@Entity('notification')
@Index('notification_user_unread_idx', ['userId', 'readAt', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_user_id_fkey' })
  user?: UserAccountEntity;

  /** What happened, e.g. MATCH_ACCEPTED; the web app words it in the reader's language. */
  @Column({ type: 'text' })
  kind!: string;

  @Index('notification_match_id_idx')
  @Column({ type: 'uuid', nullable: true })
  matchId!: string | null;

  @ManyToOne(() => MatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id', foreignKeyConstraintName: 'notification_match_id_fkey' })
  match?: MatchEntity;

  /** Values the message needs (offer title, shop name, reason…). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  params!: Record<string, string | number | null>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
