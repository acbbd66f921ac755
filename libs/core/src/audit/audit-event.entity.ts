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

  /** The shop a facilitator acted for, under its delegation: "facilitator X on behalf of shop Y". */
  @Index('audit_event_on_behalf_of_shop_idx', { where: '"on_behalf_of_shop_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  onBehalfOfShopId!: string | null;

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
