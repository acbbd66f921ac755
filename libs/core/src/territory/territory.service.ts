import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CoordinatesSource, parseComuneQuery, TerritoryStats } from '@vec/territory';
import { In, Repository } from 'typeorm';
import { comuneSearchSteps, SearchStep, TYPO_THRESHOLD } from './comune-search.query';
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
    return (await this.placed([comune]))[0];
  }

  /** The comuni with their province and region set, from the copy kept in memory. */
  private async placed(comuni: ComuneEntity[]): Promise<ComuneEntity[]> {
    const { regions, provinces } = await this.reference();
    for (const comune of comuni) {
      comune.province = provinces.get(comune.provinceCode);
      comune.region = regions.get(comune.regionCode);
    }
    return comuni;
  }

  /**
   * Comuni by what people type: accents, case, apostrophes and spaces ignored, S./SS. read as
   * San/Santi, official second-language names, words over the name and the province, and
   * misspellings as a last resort. Best match first (exact name, name beginning with the search,
   * then the rest), the most populous first within each; see comune-search.query.ts.
   */
  async searchComuni(ctx: RequestContext, query: ComuneSearch): Promise<ComuneEntity[]> {
    const parsed = parseComuneQuery(query.search);
    if (!parsed.words.some((word) => /[\p{L}\p{N}]/u.test(word.typed))) {
      throw new TerritoryException(TerritoryErrorCode.EMPTY_SEARCH, 'search', query.search);
    }
    if (query.provinceCode !== undefined) await this.getProvince(ctx, query.provinceCode, 'provinceCode');
    for (const step of comuneSearchSteps(parsed, { provinceCode: query.provinceCode, first: query.first, select: this.comuneColumns() })) {
      const found = await this.searchStep(step);
      if (found.length > 0) return this.placed(found.map((row) => Object.assign(new ComuneEntity(), row)));
    }
    return [];
  }

  private selectList?: string;

  /**
   * The comune's selected columns under their property names, read from the entity's mapping
   * once: each search step returns whole comuni in one statement, as the entity would hold them.
   */
  private comuneColumns(): string {
    this.selectList ??= this.comuni.metadata.columns
      .filter((column) => column.isSelect)
      .map((column) => `c."${column.databaseName}" AS "${column.propertyName}"`)
      .join(', ');
    return this.selectList;
  }

  private async searchStep(step: SearchStep): Promise<Partial<ComuneEntity>[]> {
    if (!step.typos) return this.comuni.query(step.sql, step.params);
    // The trigram operator's threshold is a setting: lowered for this one query only.
    return this.comuni.manager.transaction(async (manager) => {
      await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(TYPO_THRESHOLD)]);
      return manager.query(step.sql, step.params);
    });
  }

  /** These comuni, read in the context's transaction if it carries one (missing codes left out). */
  async comuniByCode(ctx: RequestContext, codes: readonly string[]): Promise<ComuneEntity[]> {
    if (codes.length === 0) return [];
    return (ctx.manager?.getRepository(ComuneEntity) ?? this.comuni).createQueryBuilder('c').where('c.code IN (:...codes)', { codes }).getMany();
  }

  /** Batch lookup for DataLoader: one query for any number of codes, answers in the codes' order, each with its province and region. */
  async findComuniByCodes(codes: readonly string[]): Promise<(ComuneEntity | undefined)[]> {
    const rows = await this.placed(await this.comuni.findBy({ code: In([...codes]) }));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code));
  }

  /** The comuni of some regions, provinces and comuni together, each with its centre, province and region. */
  async comuniWithin(_ctx: RequestContext, area: { regionCodes: readonly string[]; provinceCodes: readonly string[]; comuneCodes: readonly string[] }): Promise<ComuneEntity[]> {
    return this.comuni
      .createQueryBuilder('c')
      .select(['c.code', 'c.provinceCode', 'c.regionCode', 'c.latitude', 'c.longitude'])
      .where('c.region_code = ANY(:regions) OR c.province_code = ANY(:provinces) OR c.code = ANY(:comuni)', {
        regions: [...area.regionCodes],
        provinces: [...area.provinceCodes],
        comuni: [...area.comuneCodes],
      })
      .getMany();
  }

  /** Every comune's code, names, province and region, for a reader that resolves many rows at once (CSV imports). */
  async allComuni(_ctx: RequestContext): Promise<ComuneEntity[]> {
    return this.comuni.find({
      select: { code: true, name: true, secondLanguageName: true, provinceCode: true, regionCode: true, latitude: true, longitude: true },
      order: { code: 'ASC' },
    });
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
