import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DelegationModule } from '../delegation/delegation.module';
import { FacilitatorModule } from '../facilitator/facilitator.module';
import { ProviderModule } from '../provider/provider.module';
import { SelectionCallModule } from '../selection-call/selection-call.module';
import { ShopModule } from '../shop/shop.module';
import { AccountErasureService } from './account-erasure.service';
import { PaperRegistrationCancellationService } from './paper-registration-cancellation.service';
import { PersonalDataExportService } from './personal-data-export.service';
import { RetentionService } from './retention.service';

/**
 * Personal data and the GDPR: the registry of every table's personal columns
 * (personal-data.registry.ts), the export of a person's data (Art. 15 and 20), the erasure of an
 * account (Art. 17), the retention periods and their daily purge, the privacy notice and who
 * accepted which version (written by auth at sign-up), and the cancellation of a shop a facilitator
 * registered on paper by mistake (its rows deleted, its traces stripped as an erasure does). Owns
 * no table; erasure, retention and that cancellation are the one place that writes the personal
 * columns of other features' tables, as the registry says.
 */
@Module({
  imports: [AuditModule, AuthModule, DelegationModule, FacilitatorModule, ProviderModule, SelectionCallModule, ShopModule],
  providers: [AccountErasureService, PaperRegistrationCancellationService, PersonalDataExportService, RetentionService],
  exports: [AccountErasureService, PaperRegistrationCancellationService, PersonalDataExportService, RetentionService],
})
export class PrivacyModule {}
