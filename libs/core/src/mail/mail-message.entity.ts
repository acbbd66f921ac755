import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity';
import { MailStatus } from './mail.types';

/**
 * One e-mail to one recipient, rendered when it is recorded in the transaction of the change that
 * causes it (the outbox), then sent by the worker. The idempotency key names the event and the
 * recipient, so an event recorded twice is one e-mail.
 */
@Entity('mail_message')
@Index('mail_message_created_at_idx', ['createdAt'])
@Index('mail_message_status_idx', ['status', 'createdAt'])
@Check('mail_message_attempts_non_negative', `"attempts" >= 0`)
@Check('mail_message_language_known', `"language" IN ('it', 'en')`)
@Check('mail_message_sending_has_message_id', `"status" NOT IN ('SENDING', 'SENT', 'UNCERTAIN') OR ("message_id" IS NOT NULL AND "sending_started_at" IS NOT NULL)`)
@Check('mail_message_sent_has_time', `"status" NOT IN ('SENT', 'DEV_MAILBOX') OR "sent_at" IS NOT NULL`)
export class MailMessageEntity {
  /** Chosen by the sender, so the Message-ID can be derived from it. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'mail_message_pkey' })
  id!: string;

  /** The event and the recipient, e.g. `match:<id>:applied:<user id>`. */
  @Index('mail_message_idempotency_key', { unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;

  /** The account it is for, when it is for one (the address is kept as it was at the event). */
  @Index('mail_message_user_id_idx')
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  /** The message stays (staff may need it) when the account goes. */
  @ManyToOne(() => UserAccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'mail_message_user_id_fkey' })
  user?: UserAccountEntity;

  @Column({ type: 'text' })
  recipient!: string;

  /** A MailKind. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'enum', enum: MailStatus, enumName: 'mail_status' })
  status!: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** The server's last refusal, or what went wrong before it answered. */
  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** `<id@domain of MAIL_FROM>`: recorded with the first SENDING and sent with every attempt. */
  @Index('mail_message_message_id_key', { unique: true })
  @Column({ type: 'text', nullable: true })
  messageId!: string | null;

  /** The SMTP server's answer when it accepted the message. */
  @Column({ type: 'text', nullable: true })
  smtpResponse!: string | null;

  /** When the current (or last) attempt was committed as SENDING. */
  @Column({ type: 'timestamptz', nullable: true })
  sendingStartedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
