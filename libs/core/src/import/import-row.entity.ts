import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ImportJobEntity } from './import-job.entity';
import { ImportRowOutcome } from './import.types';

/** What became of one line of an import (one row per problem when it has several). */
@Entity('import_row')
@Index('import_row_job_line_idx', ['jobId', 'line'])
export class ImportRowEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => ImportJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'import_row_job_id_fkey' })
  job?: ImportJobEntity;

  /** The line of the file, the header being line 1. */
  @Column({ type: 'integer' })
  line!: number;

  /** The row's external key, as written. */
  @Column({ type: 'text', nullable: true })
  externalKey!: string | null;

  @Column({ type: 'enum', enum: ImportRowOutcome, enumName: 'import_row_outcome' })
  outcome!: ImportRowOutcome;

  /** The record created or updated (an offer's id, …). */
  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;

  /** The column at fault, as named in the header; null for the row as a whole. */
  @Column({ type: 'text', nullable: true })
  columnName!: string | null;

  @Column({ type: 'text', nullable: true }) reasonIt!: string | null;
  @Column({ type: 'text', nullable: true }) reasonEn!: string | null;
}
