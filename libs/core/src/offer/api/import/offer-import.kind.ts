import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { GraphQLError } from 'graphql';
import { toFieldErrors } from '../../../api/validation';
import { AccountService } from '../../../auth/account.service';
import { UserRole } from '../../../auth/user-role';
import { RequestContext } from '../../../common/request-context';
import type { ImportIssue, ImportKind, ImportRowInput, ImportRowResult } from '../../../import/import-kind';
import { firstIssuePerColumn } from '../../../import/import-cells';
import { cellTextIssues } from '../../../import/api/import-text';
import { ImportRowOutcome } from '../../../import/import.types';
import { MESSAGES, type Words } from '../../../messages';
import type { ProviderEntity } from '../../../provider/provider.entity';
import { ProviderService } from '../../../provider/provider.service';
import { TerritoryException } from '../../../territory/territory.exception';
import { TerritoryService } from '../../../territory/territory.service';
import { territoryErrorToGraphQL } from '../../../territory/api/territory.errors';
import { CreateOfferInput } from '../offer.inputs';
import { offerErrorToGraphQL } from '../offer.errors';
import { CoverageTerritory, ResolvedCoverage, resolveCoverage } from '../../offer-coverage.input';
import { OfferSectors, resolveSectors } from '../../offer-sectors';
import { OfferException } from '../../offer.exception';
import { assertNotEnded, assertStartsSoon } from '../../offer.service';
import { OfferImportRecords } from '../../offer-import.records';
import { OfferService, type OfferStatusOutcome } from '../../offer.service';
import { publicationBlock } from '../../offer-status';
import { CoverageKind, OfferStatus } from '../../offer.types';
import { OfferEntity } from '../../offer.entity';
import { holdersLeftOut } from '../../offer-holders';
import { toEngineOffer } from '../../../matching/engine-input.mapper';
import { keptRadii, offerChanges, OfferImportPlan } from './offer-import.compare';
import { columnOfField, inColumnWords, OFFER_COLUMN, OFFER_IMPORT_COLUMNS, offerImportExample, parseOfferRow, TerritoryNames, normaliseName } from './offer-import.row';

export interface OfferImportScope {
  provider: ProviderEntity;
  territory: CoverageTerritory;
  names: TerritoryNames;
}

/** A row that passed every input rule and check: what the offer is to become. */
interface CheckedRow {
  row: ImportRowInput;
  input: CreateOfferInput;
  sectors: OfferSectors;
  coverage: ResolvedCoverage;
  publish: boolean;
}

/** The rows of a failed check, as issues in the catalogue's words. */
function issuesOf(error: GraphQLError): ImportIssue[] {
  const fields = (error.extensions.fields ?? []) as { field: string; message: string; messageIt: string }[];
  return fields.map((field) => {
    const column = columnOfField(field.field);
    return { column, reason: inColumnWords({ en: field.message, it: field.messageIt }, field.field, column) };
  });
}

/** The domain checks' failures (offer and territory) as issues; anything else is a fault and rethrown. */
/**
 * The validity checks of createOffer and updateOffer, as the row's issues on their columns: a new
 * offer may not have ended already, and a new start (a new offer's, or a known one's moved) may be at
 * most a year ahead.
 */
function validityIssues(plan: OfferImportPlan, input: CreateOfferInput, now: Date): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const check = (rule: () => void): void => {
    try {
      rule();
    } catch (error) {
      issues.push(...domainIssues(error));
    }
  };
  if (plan.kind === 'create') check(() => assertNotEnded(input.validUntil, now, 'validUntil'));
  const startMoved = plan.kind === 'create' || input.validFrom.getTime() !== plan.offer.validFrom.getTime();
  if (startMoved) check(() => assertStartsSoon(input.validFrom, now, 'validFrom'));
  return issues;
}

function domainIssues(error: unknown): ImportIssue[] {
  if (error instanceof OfferException) return issuesOf(offerErrorToGraphQL(error));
  if (error instanceof TerritoryException) return issuesOf(territoryErrorToGraphQL(error));
  throw error;
}

const result = (row: ImportRowInput, outcome: ImportRowOutcome, issues: readonly ImportIssue[] = [], entityId: string | null = null): ImportRowResult => ({
  line: row.line,
  key: row.key,
  outcome,
  entityId,
  issues,
});

const rowIssue = (reason: Words): ImportIssue => ({ column: null, reason });
/** Fewer places than shops hold: said on the capacity's column. */
const capacityIssue = (used: number): ImportIssue => ({ column: OFFER_COLUMN.capacity, reason: MESSAGES.offer.capacityBelowUsed(used) });
/** A publication refused: said on the column that asks for it. */
const publishIssue = (reason: Words | null): ImportIssue | null => (reason ? { column: OFFER_COLUMN.publish, reason } : null);

/** Why publishing a row's offer is (or was) refused, in the API's words (publishOffer), or null once published. */
function publicationRefusal(outcome: OfferStatusOutcome | NonNullable<ReturnType<typeof publicationBlock>>): Words | null {
  switch (outcome.kind) {
    case 'offer':
      return null;
    case 'invalid-transition':
      return MESSAGES.offer.invalidTransition(outcome.current, 'publish');
    case 'validity-ended':
      return MESSAGES.offer.validityEnded(outcome.validUntil);
    case 'provider-not-approved':
      return MESSAGES.provider.notApproved(outcome.status);
    case 'email-not-verified':
      return MESSAGES.auth.emailNotVerified(outcome.email);
  }
}

/**
 * Offers imported by their provider from CSV (the `offers` import kind): each row is checked with
 * CreateOfferInput's rules and the offer service's own checks (sectors, coverage against the
 * territory, publication rules), then matched by `codice_esterno` to the provider's offers. New
 * keys are created in one statement per batch; known keys are updated through OfferService.update
 * (so a closed offer or a capacity below the places taken is refused the same way); rows equal to
 * their offer are left alone.
 */
@Injectable()
export class OfferImportKind implements ImportKind<OfferImportScope> {
  readonly name = 'offers';
  readonly roles = [UserRole.PROVIDER];
  readonly columns = OFFER_IMPORT_COLUMNS;
  readonly keyColumn = OFFER_COLUMN.key;
  example(now: Date): Readonly<Record<string, string>> {
    return offerImportExample(now);
  }

  constructor(
    private readonly records: OfferImportRecords,
    private readonly territory: TerritoryService,
    private readonly providers: ProviderService,
    private readonly offers: OfferService,
    private readonly accounts: AccountService,
  ) {}

  /** The caller's organisation (a provider only) and the territory, read once per file. */
  async begin(ctx: RequestContext): Promise<OfferImportScope> {
    const provider = await this.providers.requireOwnProvider(ctx);
    const [regions, provinces, comuni] = await Promise.all([this.territory.listRegions(ctx), this.territory.listProvinces(ctx), this.territory.allComuni(ctx)]);
    const siglaOf = new Map(provinces.map((province) => [province.code, province.sigla]));
    const byCode = new Map(comuni.map((comune) => [comune.code, comune]));
    const names: TerritoryNames = {
      regionByName: new Map(regions.map((region) => [normaliseName(region.name), region.code])),
      provinceBySigla: new Map(provinces.map((province) => [province.sigla.toUpperCase(), province.code])),
      comuneByNameAndSigla: new Map(
        comuni.flatMap((comune) =>
          [comune.name, comune.secondLanguageName].flatMap((name) => (name ? [[`${normaliseName(name)}|${siglaOf.get(comune.provinceCode)}`, comune.code] as const] : [])),
        ),
      ),
    };
    const territory: CoverageTerritory = {
      getRegion: (c, code, field) => this.territory.getRegion(c, code, field),
      getProvince: (c, code, field) => this.territory.getProvince(c, code, field),
      findComuniByCodes: async (codes) => codes.map((code) => byCode.get(code)),
      allComuni: async () => comuni,
    };
    return { provider, territory, names };
  }

  async apply(ctx: RequestContext, scope: OfferImportScope, rows: readonly ImportRowInput[], write: boolean): Promise<ImportRowResult[]> {
    const results = new Map<number, ImportRowResult>();
    const checked: CheckedRow[] = [];
    for (const row of rows) {
      const verdict = await this.check(ctx, scope, row);
      if ('issues' in verdict) results.set(row.line, result(row, ImportRowOutcome.INVALID, verdict.issues));
      else checked.push(verdict);
    }
    // Read again in the write's transaction: a suspension decided meanwhile is seen.
    const provider = write ? await this.providers.requireOwnProvider(ctx) : scope.provider;
    const publisher = { provider, unverifiedEmail: await this.accounts.unverifiedEmail(ctx) };
    const existing = await this.records.byExternalKeys(ctx, provider.id, checked.map((c) => c.row.key));
    const creates: CheckedRow[] = [];
    for (const item of checked) {
      const plan = offerChanges(existing.get(item.row.key), { ...item.input, ...item.sectors, coverage: item.coverage, publish: item.publish }, ctx.now);
      const invalid = validityIssues(plan, item.input, ctx.now);
      const refusal = this.refusal(plan, item, publisher, ctx.now);
      // Shops on the offer must still fit it, as for an edit in the app: said in the dry run too, and a refused row never fails the batch.
      const holders = plan.kind === 'update' && plan.fields && !invalid.length && !refusal ? await this.holdersRefusal(ctx, plan.offer, item, provider) : [];
      if (invalid.length > 0) {
        // A known offer whose validity ended stays as it is, or is changed by the update's own rules.
        results.set(item.row.line, result(item.row, ImportRowOutcome.INVALID, invalid));
      } else if (refusal) {
        results.set(item.row.line, result(item.row, ImportRowOutcome.SKIPPED, [refusal], plan.kind === 'create' ? null : plan.offer.id));
      } else if (holders.length > 0 && plan.kind === 'update') {
        results.set(item.row.line, result(item.row, ImportRowOutcome.SKIPPED, holders, plan.offer.id));
      } else if (plan.kind === 'create') {
        creates.push(item);
      } else if (plan.kind === 'unchanged') {
        results.set(item.row.line, result(item.row, ImportRowOutcome.UNCHANGED, [], plan.offer.id));
      } else {
        const refused = write ? await this.update(ctx, item, plan) : [];
        results.set(item.row.line, result(item.row, refused.length > 0 ? ImportRowOutcome.SKIPPED : ImportRowOutcome.UPDATED, refused, plan.offer.id));
      }
    }
    const ids = write
      ? await this.records.createMany(
          ctx,
          provider.id,
          creates.map((item) => ({ externalKey: item.row.key, input: item.input, sectors: item.sectors, coverage: item.coverage, publish: item.publish })),
        )
      : creates.map(() => null);
    creates.forEach((item, i) => results.set(item.row.line, result(item.row, ImportRowOutcome.CREATED, [], ids[i])));
    return rows.map((row) => results.get(row.line) as ImportRowResult);
  }

  /** Every rule createOffer applies to its input, in the same order; the issues of the first step that fails. */
  private async check(ctx: RequestContext, scope: OfferImportScope, row: ImportRowInput): Promise<CheckedRow | { issues: ImportIssue[] }> {
    const parsed = parseOfferRow(row.cells, scope.names);
    const input = plainToInstance(CreateOfferInput, parsed.plain);
    const invalid = await validate(input, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true, validationError: { target: true } });
    const ruleIssues = invalid.length ? issuesOf(new GraphQLError('', { extensions: { fields: toFieldErrors(invalid) } })) : [];
    // A cell already refused (its text, or it could not be read at all: a date, sì/no) has its issue: the rules would only repeat it.
    const issues = firstIssuePerColumn(row.issues, cellTextIssues(row.cells, this.keyColumn), parsed.issues, ruleIssues);
    if (issues.length) return { issues };
    try {
      const sectors = resolveSectors(input.sectors, 'sectors');
      const coverage = await resolveCoverage(ctx, scope.territory, input.coverage, 'coverage');
      return { row, input, sectors, coverage, publish: parsed.publish };
    } catch (error) {
      return { issues: domainIssues(error) };
    }
  }

  /** Why the offer rules refuse what the row asks, if they do (the messages of the API's own refusals). */
  private refusal(plan: OfferImportPlan, item: CheckedRow, publisher: { provider: ProviderEntity; unverifiedEmail: string | null }, now: Date): ImportIssue | null {
    if (plan.kind === 'unchanged') return null;
    if (plan.kind === 'update' && plan.offer.status === OfferStatus.CLOSED) return rowIssue(MESSAGES.offer.closed());
    if (plan.kind === 'update' && item.input.capacity < plan.offer.used) return capacityIssue(plan.offer.used);
    if (!plan.publish) return null;
    // The same rules as publishOffer.
    const block = publicationBlock({ providerStatus: publisher.provider.verificationStatus, unverifiedEmail: publisher.unverifiedEmail, validUntil: item.input.validUntil ?? null, now });
    return block ? publishIssue(publicationRefusal(block)) : null;
  }

  /**
   * The shops holding or waiting for a place on the offer that the row's categories, area, sectors
   * or validity would leave out (OfferService.update refuses such an edit): its issues, in the API's
   * words, or none. The offer's radii stay, as the update keeps them.
   */
  private async holdersRefusal(ctx: RequestContext, offer: OfferEntity, item: CheckedRow, provider: ProviderEntity): Promise<ImportIssue[]> {
    const holders = await this.records.holders(ctx, offer.id);
    if (holders.length === 0) return [];
    const radii = item.coverage.national ? [] : (offer.coverage ?? []).filter((row) => row.kind === CoverageKind.RADIUS);
    const edited = Object.assign(new OfferEntity(), offer, {
      categories: item.input.categories,
      coverageNational: item.coverage.national,
      coverage: [...item.coverage.rows, ...radii],
      ...item.sectors,
      validFrom: item.input.validFrom,
      validUntil: item.input.validUntil ?? null,
      provider,
    });
    const left = holdersLeftOut(holders, toEngineOffer(Object.assign(new OfferEntity(), offer, { provider })), toEngineOffer(edited), ctx.now);
    return left ? domainIssues(new OfferException(left.code, left.field, [left.count, left.shopName, left.comuneName, left.category].join('|'))) : [];
  }

  /**
   * A known key whose row differs: the same update (and publication) the API makes, under a
   * savepoint of the batch's transaction. What changed since the row was checked (a shop took the
   * last places, the offer was closed or published in the app, a holder no longer fits) refuses
   * the row with the API's reason and undoes only its own writes; the batch goes on.
   */
  private async update(ctx: RequestContext, item: CheckedRow, plan: Extract<OfferImportPlan, { kind: 'update' }>): Promise<ImportIssue[]> {
    const savepoint = async (statement: string): Promise<void> => void (await ctx.manager?.query(statement));
    await savepoint('SAVEPOINT offer_import_row');
    let refusal: ImportIssue | null = null;
    try {
      if (plan.fields) {
        // The file has no radius column: the offer's radii stay as they are.
        const coverage = { ...item.input.coverage, radii: keptRadii(plan.offer, Boolean(item.input.coverage.national)) };
        const outcome = await this.offers.update(ctx, {
          id: plan.offer.id,
          ...item.input,
          coverage,
          sectors: item.input.sectors ?? { allSectors: true, sections: [], divisions: [] },
          validUntil: item.input.validUntil ?? null,
        });
        if (outcome.kind === 'capacity-below-used') refusal = capacityIssue(outcome.used);
        else if (outcome.kind === 'closed') refusal = rowIssue(MESSAGES.offer.closed());
      }
      if (!refusal && plan.publish) refusal = publishIssue(publicationRefusal(await this.offers.changeStatus(ctx, plan.offer.id, 'publish')));
    } catch (error) {
      await savepoint('ROLLBACK TO SAVEPOINT offer_import_row');
      return domainIssues(error);
    }
    await savepoint(refusal ? 'ROLLBACK TO SAVEPOINT offer_import_row' : 'RELEASE SAVEPOINT offer_import_row');
    return refusal ? [refusal] : [];
  }
}
