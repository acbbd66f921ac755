import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { GraphQLError } from 'graphql';
import type { FieldError } from '../../../api/user-input.error';
import { toFieldErrors } from '../../../api/validation';
import { UserRole } from '../../../auth/user-role';
import { RequestContext } from '../../../common/request-context';
import type { FacilitatorEntity } from '../../../facilitator/facilitator.entity';
import { FacilitatorService } from '../../../facilitator/facilitator.service';
import { firstIssuePerColumn, normaliseName } from '../../../import/import-cells';
import { cellTextIssues } from '../../../import/api/import-text';
import type { ImportIssue, ImportKind, ImportRowInput, ImportRowResult } from '../../../import/import-kind';
import { ImportRowOutcome } from '../../../import/import.types';
import { MESSAGES, type Words } from '../../../messages';
import { assertAtecoSector } from '../../../shop/registry/ateco-check';
import { ShopException } from '../../../shop/shop.exception';
import { ShopService } from '../../../shop/shop.service';
import { shopErrorToGraphQL } from '../../../shop/api/shop.errors';
import { TerritoryService } from '../../../territory/territory.service';
import { DelegationErrorCode, DelegationException } from '../../delegation.exception';
import { assertDeclaredOn, CLAIMS_PER_ADDRESS_PER_DAY, PaperConsentRecords } from '../../paper-consent.records';
import { delegationErrorToGraphQL } from '../delegation.errors';
import { RegisterShopOnPaperInput } from '../delegation.inputs';
import { shopImportPlan } from './shop-import.compare';
import { ComuneNames, inShopColumnWords, parseShopRow, SHOP_COLUMN, SHOP_IMPORT_COLUMNS, SHOP_IMPORT_EXAMPLE, shopColumnOfField } from './shop-import.row';

export interface ShopImportScope {
  facilitator: FacilitatorEntity;
  names: ComuneNames;
  /** The first line of the file naming each Partita IVA of a new shop: a second one is refused. */
  partiteIva: Map<string, number>;
  /** A dry run's claim links planned so far per owner's address (lower case): nothing written shows them. */
  plannedClaims: Map<string, number>;
}

/** A row that passed every input rule and check: registerShopOnPaper's input. */
interface CheckedRow {
  row: ImportRowInput;
  input: RegisterShopOnPaperInput;
}

/** Failing fields as issues, each naming its column. */
const issuesOf = (fields: readonly FieldError[]): ImportIssue[] =>
  fields.map((field) => {
    const column = shopColumnOfField(field.field);
    return { column, reason: inShopColumnWords({ en: field.message, it: field.messageIt }, field.field, column) };
  });

const fieldsOf = (error: GraphQLError): FieldError[] => (error.extensions.fields ?? []) as FieldError[];

/** The domain checks' failures (shop and delegation) as issues; anything else is a fault and rethrown. */
function domainIssues(error: unknown): ImportIssue[] {
  if (error instanceof ShopException) return issuesOf(fieldsOf(shopErrorToGraphQL(error)));
  if (error instanceof DelegationException) return issuesOf(fieldsOf(delegationErrorToGraphQL(error)));
  throw error;
}

const result = (row: ImportRowInput, outcome: ImportRowOutcome, issues: readonly ImportIssue[] = [], entityId: string | null = null): ImportRowResult => ({
  line: row.line,
  key: row.key,
  outcome,
  entityId,
  issues,
});

const issue = (column: string | null, reason: Words): ImportIssue => ({ column, reason });

/**
 * Shops a verified facilitator registers from CSV under the paper consents their owners signed
 * (the `shops` import kind): each row is checked with RegisterShopOnPaperInput's rules and the
 * services' own checks (ATECO section and division, the declaration's date), then matched by
 * `codice_esterno` to the shops this facilitator imported before. New keys register the shop, its
 * PAPER delegation and the owner's claim invitation, a batch at a time, as registerShopOnPaper does
 * one; a known key updates its shop through ShopService.update while the delegation is live and the
 * owner has not claimed it; a Partita IVA registered by anyone else is refused by name only.
 */
@Injectable()
export class ShopImportKind implements ImportKind<ShopImportScope> {
  readonly name = 'shops';
  readonly roles = [UserRole.FACILITATOR];
  readonly columns = SHOP_IMPORT_COLUMNS;
  readonly keyColumn = SHOP_COLUMN.key;
  example(): Readonly<Record<string, string>> {
    return SHOP_IMPORT_EXAMPLE;
  }

  constructor(
    private readonly facilitators: FacilitatorService,
    private readonly territory: TerritoryService,
    private readonly shops: ShopService,
    private readonly paper: PaperConsentRecords,
  ) {}

  /** The caller's organisation, which must be verified, and the comuni's names, read once per file. */
  async begin(ctx: RequestContext): Promise<ShopImportScope> {
    const facilitator = await this.approvedFacilitator(ctx.onBehalfOf(undefined));
    const [provinces, comuni] = await Promise.all([this.territory.listProvinces(ctx), this.territory.allComuni(ctx)]);
    const siglaOf = new Map(provinces.map((province) => [province.code, province.sigla.toUpperCase()]));
    const byName = new Map<string, { code: string; sigla: string }[]>();
    for (const comune of comuni) {
      for (const name of new Set([comune.name, comune.secondLanguageName].flatMap((n) => (n ? [normaliseName(n)] : [])))) {
        byName.set(name, [...(byName.get(name) ?? []), { code: comune.code, sigla: siglaOf.get(comune.provinceCode) ?? '' }]);
      }
    }
    const names: ComuneNames = { codes: new Set(comuni.map((comune) => comune.code)), byName, siglas: new Set(siglaOf.values()) };
    return { facilitator, names, partiteIva: new Map(), plannedClaims: new Map() };
  }

  async apply(ctx: RequestContext, scope: ShopImportScope, rows: readonly ImportRowInput[], write: boolean): Promise<ImportRowResult[]> {
    const self = ctx.onBehalfOf(undefined);
    const results = new Map<number, ImportRowResult>();
    const checked: CheckedRow[] = [];
    for (const row of rows) {
      const verdict = await this.check(self, scope, row);
      if ('issues' in verdict) results.set(row.line, result(row, ImportRowOutcome.INVALID, verdict.issues));
      else checked.push(verdict);
    }
    // Read again in the write's transaction: a suspension decided meanwhile stops the writing.
    const facilitator = write ? await this.approvedFacilitator(self).catch(() => null) : scope.facilitator;
    if (!facilitator) {
      checked.forEach((item) => results.set(item.row.line, result(item.row, ImportRowOutcome.SKIPPED, [issue(null, MESSAGES.delegation.facilitatorNotApproved())])));
      return rows.map((row) => results.get(row.line) as ImportRowResult);
    }
    const existing = await this.paper.byExternalKeys(self, facilitator.id, checked.map((item) => item.row.key));
    const fresh = checked.filter((item) => !existing.has(item.row.key));
    const taken = await this.shops.findByPartiteIva(self, fresh.map((item) => item.input.shop.partitaIva));
    const creates: CheckedRow[] = [];
    for (const item of checked) {
      const plan = shopImportPlan(existing.get(item.row.key), item.input);
      const refusal = plan.kind === 'create' ? this.newShopRefusal(scope, item, taken) : plan.kind === 'skip' ? plan.reason : null;
      if (refusal) {
        const outcome = plan.kind === 'create' ? ImportRowOutcome.INVALID : ImportRowOutcome.SKIPPED;
        results.set(item.row.line, result(item.row, outcome, [refusal], plan.kind === 'create' ? null : plan.shopId));
      } else if (plan.kind === 'create') {
        creates.push(item);
      } else if (plan.kind === 'unchanged') {
        results.set(item.row.line, result(item.row, ImportRowOutcome.UNCHANGED, [], plan.shopId));
      } else if (plan.kind === 'update') {
        if (write) await this.shops.update(self.onBehalfOf(plan.shopId), plan.changes);
        results.set(item.row.line, result(item.row, ImportRowOutcome.UPDATED, [], plan.shopId));
      }
    }
    // Who cannot claim, or already has a shop waiting at the address: in the database, in this file's earlier rows (a dry run's count them), or higher in this batch.
    const cannotClaim = await this.paper.addressesThatCannotClaim(self, creates.map((item) => item.input.ownerEmail));
    const waiting = new Set([...scope.plannedClaims].filter(([, n]) => n > 0).map(([address]) => address));
    const refusals = new Map<CheckedRow, DelegationErrorCode>();
    for (const item of creates) {
      const address = item.input.ownerEmail.toLowerCase();
      const refused = cannotClaim.get(address) ?? (waiting.has(address) ? DelegationErrorCode.OWNER_ADDRESS_HAS_SHOP_WAITING : undefined);
      if (refused) refusals.set(item, refused);
      else waiting.add(address);
    }
    const allowed = await this.withinClaimLimit(self, scope, creates.filter((item) => !refusals.has(item)), write);
    for (const item of creates) {
      const refused = refusals.get(item) ?? (!allowed.includes(item) ? DelegationErrorCode.CLAIMS_TO_ADDRESS_LIMIT : null);
      if (refused) results.set(item.row.line, result(item.row, ImportRowOutcome.INVALID, domainIssues(new DelegationException(refused, 'input.ownerEmail'))));
    }
    const ids = write ? await this.create(self, facilitator, allowed) : allowed.map(() => null);
    allowed.forEach((item, i) => results.set(item.row.line, result(item.row, ImportRowOutcome.CREATED, [], ids[i])));
    return rows.map((row) => results.get(row.line) as ImportRowResult);
  }

  /**
   * The new shops whose owner's address may still get a claim link (CLAIMS_PER_ADDRESS_PER_DAY in
   * 24 hours), in file order: counting those the outbox shows (this file's earlier batches
   * included, once written), a dry run's earlier batches, and this batch's.
   */
  private async withinClaimLimit(ctx: RequestContext, scope: ShopImportScope, creates: readonly CheckedRow[], write: boolean): Promise<CheckedRow[]> {
    const sent = await this.paper.claimsSentTo(
      ctx,
      creates.map((item) => item.input.ownerEmail),
    );
    const inBatch = new Map<string, number>();
    const allowed = creates.filter((item) => {
      const address = item.input.ownerEmail.toLowerCase();
      const count = (sent.get(address) ?? 0) + (scope.plannedClaims.get(address) ?? 0) + (inBatch.get(address) ?? 0);
      if (count >= CLAIMS_PER_ADDRESS_PER_DAY) return false;
      inBatch.set(address, (inBatch.get(address) ?? 0) + 1);
      return true;
    });
    if (!write) for (const [address, n] of inBatch) scope.plannedClaims.set(address, (scope.plannedClaims.get(address) ?? 0) + n);
    return allowed;
  }

  /** Every rule registerShopOnPaper applies to its input, in the same order; the issues of the first step that fails. */
  private async check(ctx: RequestContext, scope: ShopImportScope, row: ImportRowInput): Promise<CheckedRow | { issues: ImportIssue[] }> {
    const parsed = parseShopRow(row.cells, scope.names);
    const input = plainToInstance(RegisterShopOnPaperInput, parsed.plain);
    const invalid = await validate(input, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true, validationError: { target: true } });
    // A cell already refused (its text, or it could not be read at all: a date, a comune) has its issue; one issue per column.
    const read = firstIssuePerColumn(row.issues, cellTextIssues(row.cells, this.keyColumn), parsed.issues);
    const seen = new Set(read.map((found) => found.column));
    if (parsed.contactFromOwner) seen.add(SHOP_COLUMN.contactEmail);
    const ruleIssues = issuesOf(toFieldErrors(invalid)).filter((found) => {
      if (seen.has(found.column)) return false;
      seen.add(found.column);
      return true;
    });
    const issues = [...read, ...ruleIssues];
    if (issues.length) return { issues };
    try {
      assertAtecoSector(input.shop.atecoSection, input.shop.atecoDivision, 'input.shop');
      assertDeclaredOn(input.declaredOn, ctx.now, 'input.declaredOn');
      return { row, input };
    } catch (error) {
      return { issues: domainIssues(error) };
    }
  }

  /** Why a new shop's row cannot be registered: its Partita IVA twice in the file, or already registered. */
  private newShopRefusal(scope: ShopImportScope, item: CheckedRow, taken: ReadonlyMap<string, unknown>): ImportIssue | null {
    const partitaIva = item.input.shop.partitaIva;
    const first = scope.partiteIva.get(partitaIva);
    if (first !== undefined && first !== item.row.line) return issue(SHOP_COLUMN.partitaIva, MESSAGES.import.partitaIvaRepeated(SHOP_COLUMN.partitaIva, first));
    scope.partiteIva.set(partitaIva, item.row.line);
    // Whoever holds it, the file's author learns only that it is taken.
    if (taken.has(partitaIva)) return issue(SHOP_COLUMN.partitaIva, MESSAGES.import.partitaIvaTaken(SHOP_COLUMN.partitaIva, partitaIva));
    return null;
  }

  /** New shops of a batch: registered, delegated on paper, their owners invited to claim them; their ids in order. */
  private async create(tx: RequestContext, facilitator: FacilitatorEntity, items: readonly CheckedRow[]): Promise<string[]> {
    if (items.length === 0) return [];
    const shops = await this.shops.registerUnclaimedMany(
      tx,
      items.map((item) => item.input.shop),
    );
    await this.paper.recordMany(
      tx,
      facilitator,
      items.map((item, i) => ({ shop: shops[i], ownerEmail: item.input.ownerEmail, declaredOn: item.input.declaredOn, externalKey: item.row.key })),
    );
    return shops.map((shop) => shop.id);
  }

  private async approvedFacilitator(ctx: RequestContext): Promise<FacilitatorEntity> {
    const { facilitator, approved } = await this.facilitators.requireOwnApproved(ctx);
    if (!approved) throw new DelegationException(DelegationErrorCode.FACILITATOR_NOT_APPROVED);
    return facilitator;
  }
}
