import { Module } from '@nestjs/common';
import { ImportJobService } from './import-job.service';
import { ImportRunner } from './import-runner.service';

/**
 * Bulk CSV import, the generic half: reading and refusing files (csv-source.ts), the header, keys,
 * batches, transactions of each mode, progress and the report (ImportRunner). What a row is and
 * how it is written belongs to an import kind (import-kind.ts) in the feature that owns its
 * tables: offers (offer/import). Owns `import_job` and `import_row`.
 */
@Module({
  providers: [ImportJobService, ImportRunner],
  exports: [ImportJobService, ImportRunner],
})
export class ImportModule {}
