import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AllocationRunMode, AllocationRunStatus } from './allocation.types';

/** Figures a finished run records (request and offer counts, served, cost, reasons, timing). */
export interface AllocationRunStatistics {
  requests: number;
  offers: number;
  candidatePairs: number;
  served: number;
  unserved: number;
  unservedByReason: Record<string, number>;
  totalCost: number;
  durationMs: number;
  solveMs: number;
  /** Exact solves the run made: 1, or more when completeSetsOnly dropped bundles (absent in older runs). */
  solveRounds?: number;
}

/** One run of the allocator over every open request, previewed or committed. */
@Entity('allocation_run')
@Index('allocation_run_created_at_idx', ['createdAt'])
export class AllocationRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: AllocationRunMode, enumName: 'allocation_run_mode' })
  mode!: AllocationRunMode;

  @Column({ type: 'enum', enum: AllocationRunStatus, enumName: 'allocation_run_status' })
  status!: AllocationRunStatus;

  /** Serve a bundle's requests only all together (the allocator's completeSetsOnly). */
  @Column({ type: 'boolean', default: false })
  completeSetsOnly!: boolean;

  /** Null for runs started by the recurring schedule. */
  @Column({ type: 'uuid', nullable: true })
  requestedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  scheduledFor!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  statistics!: AllocationRunStatistics | null;

  /** FAILED: what went wrong, for staff (no stack traces). */
  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
