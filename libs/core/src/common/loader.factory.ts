import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { TerritoryService } from '../territory/territory.service';
import type { Loaders } from './loaders';

/** Builds a fresh set of loaders for each request (caches never outlive the request). */
@Injectable()
export class LoaderFactory {
  constructor(private readonly territory: TerritoryService) {}

  create(): Loaders {
    return {
      comune: new DataLoader((codes: readonly string[]) => this.territory.findComuniByCodes(codes)),
    };
  }
}
