import DataLoader from 'dataloader';
import { ProviderEntity } from '../provider/provider.entity';
import { ComuneEntity } from '../territory/comune.entity';

/** Per-request batch loaders, so that a page of results costs one query per relation. */
export interface Loaders {
  comune: DataLoader<string, ComuneEntity | undefined>;
  provider: DataLoader<string, ProviderEntity | undefined>;
}
