import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ProviderService } from '../provider/provider.service';
import { TerritoryService } from '../territory/territory.service';
import type { Loaders } from './loaders';

/** Builds a fresh set of loaders for each request (caches never outlive the request). */
@Injectable()
export class LoaderFactory {
  constructor(
    private readonly territory: TerritoryService,
    private readonly providers: ProviderService,
  ) {}

  create(): Loaders {
    return {
      comune: new DataLoader((codes: readonly string[]) => this.territory.findComuniByCodes(codes)),
      provider: new DataLoader((ids: readonly string[]) => this.providers.findByIds(ids)),
    };
  }
}
