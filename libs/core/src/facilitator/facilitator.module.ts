import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TerritoryModule } from '../territory/territory.module';
import { FacilitatorService } from './facilitator.service';

/**
 * Facilitator organisations (chambers of commerce, trade associations, Digital Innovation Hubs,
 * municipal business offices): their profile, the territory they serve and their verification
 * by ministry staff. Owns `facilitator`; the delegation feature asks it who acts.
 */
@Module({
  imports: [AuditModule, TerritoryModule],
  providers: [FacilitatorService],
  exports: [FacilitatorService],
})
export class FacilitatorModule {}
