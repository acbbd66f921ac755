import { Module } from '@nestjs/common';
import { LoaderFactory } from './common/loader.factory';
import { TerritoryModule } from './territory/territory.module';

/** Every feature module shared by the API and the worker. */
@Module({
  imports: [TerritoryModule],
  providers: [LoaderFactory],
  exports: [LoaderFactory, TerritoryModule],
})
export class CoreModule {}
