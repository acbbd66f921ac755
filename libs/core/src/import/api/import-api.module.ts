import { Module } from '@nestjs/common';
import { ImportModule } from '../import.module';
import { IMPORT_KINDS, ImportKind } from '../import-kind';
import { OfferApiModule } from '../../offer/api/offer-api.module';
import { OfferImportKind } from '../../offer/api/import/offer-import.kind';
import { DelegationApiModule } from '../../delegation/api/delegation-api.module';
import { ShopImportKind } from '../../delegation/api/import/shop-import.kind';
import { ImportController } from './import.controller';

/** The import routes and the kinds they serve; a new kind is one more entry in IMPORT_KINDS. */
@Module({
  imports: [ImportModule, OfferApiModule, DelegationApiModule],
  controllers: [ImportController],
  providers: [
    {
      provide: IMPORT_KINDS,
      inject: [OfferImportKind, ShopImportKind],
      useFactory: (...kinds: ImportKind[]) => new Map(kinds.map((kind) => [kind.name, kind])),
    },
  ],
})
export class ImportApiModule {}
