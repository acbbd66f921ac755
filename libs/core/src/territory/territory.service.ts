import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CoordinatesSource, normalizePlaceName, TerritoryStats } from '@vec/territory';
import { In, Repository } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { ComuneEntity } from './comune.entity';
import { ProvinceEntity } from './province.entity';
import { RegionEntity } from './region.entity';
import { TerritoryErrorCode, TerritoryException } from './territory.exception';

export interface ComuneSearch {
  search: string;
  provinceCode?: string;
  first: number;
}

interface RegionsAndProvinces {
  regions: Map<string, RegionEntity>;
  provinces: Map<string, ProvinceEntity>;
}

/**
 * Read access to Italy's regions, provinces and comuni. Territory is reference data that only
 * migrations change, so regions and provinces (127 rows) are read once and kept in memory.
 */
@Injectable()
export class TerritoryService {
  private cache?: Promise<RegionsAndProvinces>;

  constructor(
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(ProvinceEntity) private readonly provinces: Repository<ProvinceEntity>,
    @InjectRepository(ComuneEntity) private readonly comuni: Repository<ComuneEntity>,
  ) {}

  async listRegions(_ctx: RequestContext): Promise<RegionEntity[]> {
    return [...(await this.reference()).regions.values()];
  }

  async getRegion(_ctx: RequestContext, code: string, field = 'code'): Promise<RegionEntity> {
    const region = (await this.reference()).regions.get(code);
    if (!region) throw new TerritoryException(TerritoryErrorCode.REGION_NOT_FOUND, field, code);
    return region;
  }

  async listProvinces(ctx: RequestContext, regionCode?: string, field = 'regionCode'): Promise<ProvinceEntity[]> {
    const all = [...(await this.reference()).provinces.values()];
    if (regionCode === undefined) return all;
    await this.getRegion(ctx, regionCode, field);
    return all.filter((province) => province.regionCode === regionCode);
  }

  async getProvince(_ctx: RequestContext, code: string, field = 'code'): Promise<ProvinceEntity> {
    const province = (await this.reference()).provinces.get(code);
    if (!province) throw new TerritoryException(TerritoryErrorCode.PROVINCE_NOT_FOUND, field, code);
    return province;
  }

  async getComune(_ctx: RequestContext, code: string, field = 'code'): Promise<ComuneEntity> {
    const comune = await this.comuni.findOneBy({ code });
    if (!comune) throw new TerritoryException(TerritoryErrorCode.COMUNE_NOT_FOUND, field, code);
    return comune;
  }

  /** Prefix search on the accent- and case-folded name, most populous first. */
  async searchComuni(ctx: RequestContext, query: ComuneSearch): Promise<ComuneEntity[]> {
    const folded = normalizePlaceName(query.search);
    if (!/[\p{L}\p{N}]/u.test(folded)) {
      throw new TerritoryException(TerritoryErrorCode.EMPTY_SEARCH, 'search', query.search);
    }
    if (query.provinceCode !== undefined) await this.getProvince(ctx, query.provinceCode, 'provinceCode');
    const builder = this.comuni
      .createQueryBuilder('comune')
      .where("comune.search_name LIKE :prefix ESCAPE '\\'", { prefix: `${folded.replace(/[\\%_]/g, '\\$&')}%` })
      .orderBy('comune.population', 'DESC')
      .addOrderBy('comune.code', 'ASC')
      .limit(query.first);
    if (query.provinceCode !== undefined) builder.andWhere('comune.province_code = :province', { province: query.provinceCode });
    return builder.getMany();
  }

  /** Batch lookup for DataLoader: one query for any number of codes, answers in the codes' order. */
  async findComuniByCodes(codes: readonly string[]): Promise<(ComuneEntity | undefined)[]> {
    const rows = await this.comuni.findBy({ code: In([...codes]) });
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code));
  }

  async summary(_ctx: RequestContext): Promise<TerritoryStats> {
    const { regions, provinces } = await this.reference();
    const rows = await this.comuni
      .createQueryBuilder('comune')
      .select('comune.coordinates_source', 'source')
      .addSelect('COUNT(*)::int', 'count')
      .groupBy('comune.coordinates_source')
      .getRawMany<{ source: CoordinatesSource; count: number }>();
    const count = (source: CoordinatesSource): number => rows.find((row) => row.source === source)?.count ?? 0;
    const exactCoordinates = count(CoordinatesSource.EXACT);
    const provinceCapitalCoordinates = count(CoordinatesSource.PROVINCE_CAPITAL);
    return {
      regions: regions.size,
      provinces: provinces.size,
      comuni: exactCoordinates + provinceCapitalCoordinates,
      exactCoordinates,
      provinceCapitalCoordinates,
    };
  }

  private reference(): Promise<RegionsAndProvinces> {
    this.cache ??= Promise.all([
      this.regions.find({ order: { code: 'ASC' } }),
      this.provinces.find({ order: { code: 'ASC' } }),
    ]).then(([regions, provinces]) => ({
      regions: new Map(regions.map((region) => [region.code, region])),
      provinces: new Map(provinces.map((province) => [province.code, province])),
    }));
    // A failed read is not cached: the next request tries again.
    this.cache.catch(() => (this.cache = undefined));
    return this.cache;
  }
}
