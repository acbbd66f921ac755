import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity';
import { MailDelivery } from './mail.types';

/** How one person wants one kind of e-mail; no row means IMMEDIATELY. Only adjustable kinds have rows. */
@Entity('mail_preference')
export class MailPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'mail_preference_pkey' })
  userId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'mail_preference_user_id_fkey' })
  user?: UserAccountEntity;

  /** A MailKind. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'mail_preference_pkey' })
  kind!: string;

  @Column({ type: 'enum', enum: MailDelivery, enumName: 'mail_delivery' })
  delivery!: MailDelivery;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
