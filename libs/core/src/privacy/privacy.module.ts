import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DelegationModule } from '../delegation/delegation.module';
import { FacilitatorModule } from '../facilitator/facilitator.module';
import { ProviderModule } from '../provider/provider.module';
import { SelectionCallModule } from '../selection-call/selection-call.module';
import { AccountErasureService } from './account-erasure.service';
import { PersonalDataExportService } from './personal-data-export.service';
import { RetentionService } from './retention.service';

/**
 * Personal data and the GDPR: the registry of every table's personal columns
 * (personal-data.registry.ts), the export of a person's data (Art. 15 and 20), the erasure of an
 * account (Art. 17), the retention periods and their daily purge, the privacy notice and who
 * accepted which version (written by auth at sign-up). Owns no table; erasure and retention are
 * the one place that writes the personal columns of other features' tables, as the registry says.
 */
@Module({
  imports: [AuditModule, AuthModule, DelegationModule, FacilitatorModule, ProviderModule, SelectionCallModule],
  providers: [AccountErasureService, PersonalDataExportService, RetentionService],
  exports: [AccountErasureService, PersonalDataExportService, RetentionService],
})
export class PrivacyModule {}
