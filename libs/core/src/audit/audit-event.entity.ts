import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An append-only record of one state change: who, what, when, before/after, which request.
 * A database trigger refuses UPDATE and DELETE on this table.
 */
@Entity('audit_event')
@Index('audit_event_entity_idx', ['entityType', 'entityId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index('audit_event_occurred_at_idx')
  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text' })
  requestId!: string;

  /** Dotted verb, e.g. `user.registered`, `offer.published`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}
