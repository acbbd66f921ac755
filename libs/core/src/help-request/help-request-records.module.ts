import { Module } from '@nestjs/common';
import { ShopModule } from '../shop/shop.module';
import { HelpRequestBundleService } from './help-request-bundle.service';
import { HelpRequestRecords } from './help-request-records.service';

/**
 * The help requests as other features reach them (HelpRequestRecords). A module of its own because
 * HelpRequestModule imports the match feature, and the match feature needs this. Bundles are
 * read here too (HelpRequestBundleService), for the matching feature's set recommendations.
 */
@Module({
  imports: [ShopModule],
  providers: [HelpRequestRecords, HelpRequestBundleService],
  exports: [HelpRequestRecords, HelpRequestBundleService],
})
export class HelpRequestRecordsModule {}
