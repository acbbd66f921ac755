import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserAccountEntity } from '../auth/user-account.entity';
import { ImportMode, ImportStatus } from './import.types';

/** One uploaded CSV file and what became of it: counts, progress and, row by row, import_row. */
@Entity('import_job')
@Index('import_job_owner_created_idx', ['ownerUserId', 'createdAt'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The import kind (`offers`, …): which rows the file holds. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid' })
  ownerUserId!: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'import_job_owner_user_id_fkey' })
  owner?: UserAccountEntity;

  @Column({ type: 'enum', enum: ImportMode, enumName: 'import_mode' })
  mode!: ImportMode;

  @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status' })
  status!: ImportStatus;

  @Column({ type: 'text' })
  fileName!: string;

  /** `;` or `,`, read from the header line. */
  @Column({ type: 'text' })
  separator!: string;

  /** Rows read so far (all of them once finished). */
  @Column({ type: 'integer', default: 0 })
  rows!: number;

  @Column({ type: 'integer', default: 0 })
  bytesRead!: number;

  @Column({ type: 'integer', default: 0 }) created!: number;
  @Column({ type: 'integer', default: 0 }) updated!: number;
  @Column({ type: 'integer', default: 0 }) unchanged!: number;
  @Column({ type: 'integer', default: 0 }) skipped!: number;
  @Column({ type: 'integer', default: 0 }) invalid!: number;

  /** Whether the rows counted as created or updated are in the database (never in a dry run). */
  @Column({ type: 'boolean', default: false })
  written!: boolean;

  /** FAILED: why, in the catalogue's words. */
  @Column({ type: 'text', nullable: true }) failureIt!: string | null;
  @Column({ type: 'text', nullable: true }) failureEn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
