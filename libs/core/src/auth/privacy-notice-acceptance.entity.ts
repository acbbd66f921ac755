import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccountEntity } from './user-account.entity';

/**
 * That an account was shown and accepted a version of the privacy notice, and when: written at
 * sign-up, in the sign-up's transaction. Kept when the account is erased (it proves the notice
 * was given; the account id is then a pseudonym).
 */
@Entity('privacy_notice_acceptance')
export class PrivacyNoticeAcceptanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('privacy_notice_acceptance_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'privacy_notice_acceptance_user_id_fkey' })
  user?: UserAccountEntity;

  /** The notice's version, e.g. `2026-12-05`. */
  @Column({ type: 'text' })
  noticeVersion!: string;

  @Column({ type: 'timestamptz' })
  acceptedAt!: Date;
}
