import { Module } from '@nestjs/common';
import { HelpRequestRecords } from './help-request-records.service';

/**
 * The help requests as other features reach them (HelpRequestRecords). A module of its own because
 * HelpRequestModule imports the match feature, and the match feature needs this.
 */
@Module({
  providers: [HelpRequestRecords],
  exports: [HelpRequestRecords],
})
export class HelpRequestRecordsModule {}
