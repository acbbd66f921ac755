import { Injectable } from '@nestjs/common';
import { Page, PageRequest, toPage } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { TransactionalConnection } from '../common/transactional-connection';
import { SelectionCallErrorCode, SelectionCallException } from './selection-call.exception';
import { SelectionCallService } from './selection-call.service';
import { CallApplicationStatus, CallReserveReason, ScoringKind, SelectionCallStatus, TieBreakRule } from './selection-call.types';
import { drawKey } from './call-ranking';

/** A line of the published graduatoria: what such lists publish, nothing more (no Partita IVA, address or contacts). */
export interface GraduatoriaRow {
  position: number;
  /** The application's id, and its draw key (sha256 of the published seed and the id): what anyone needs to check the draw. */
  applicationId: string;
  drawKey: string;
  shopName: string;
  comuneName: string;
  provinceSigla: string;
  /** Hundredths of a point. */
  score: number;
  status: CallApplicationStatus;
  /** RESERVE: why it waits. */
  reserveReason: CallReserveReason | null;
  /** When it applied, published when the call breaks ties by the earlier application (else null). */
  submittedAt: Date | null;
  /** The employees it declared, published when the call scores or breaks ties by them (else null). */
  employees: number | null;
}

/** How far a call has got: places, filled, reserve list. */
export interface CallFigures {
  callId: string;
  title: string;
  status: SelectionCallStatus;
  places: number;
  applications: number;
  admitted: number;
  reserve: number;
  excluded: number;
  closesAt: Date;
}

/** The dashboard lists at most this many calls, latest closing first. */
export const MAX_FIGURES_CALLS = 50;

/** Tables read for these answers (set-based reads across features: shop and territory names). */
@Injectable()
export class CallResultsService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly calls: SelectionCallService,
  ) {}

  /** The public graduatoria of a CLOSED call, in rank order; excluded applications are not in it. */
  async graduatoria(ctx: RequestContext, callId: string, page: PageRequest): Promise<Page<GraduatoriaRow>> {
    const call = await this.calls.get(ctx, callId, 'callId');
    if (call.status !== SelectionCallStatus.CLOSED) throw new SelectionCallException(SelectionCallErrorCode.CALL_NOT_FOUND, 'callId');
    const manager = this.connection.manager(ctx);
    const ranked = `a.call_id = $1 AND a.position IS NOT NULL`;
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM call_application a WHERE ${ranked}`, [callId]);
    // A reader checks a tie with what broke it: the application's time and the employees, when the call ranks by them.
    const byTime = call.tieBreak.includes(TieBreakRule.EARLIER_APPLICATION);
    const byEmployees = call.tieBreak.includes(TieBreakRule.FEWER_EMPLOYEES) || call.scoring.some((criterion) => criterion.kind === ScoringKind.FEWER_EMPLOYEES);
    const rows: Omit<GraduatoriaRow, 'drawKey'>[] = await manager.query(
      `SELECT a.position, a.id AS "applicationId", a.shop_name AS "shopName", c.name AS "comuneName", p.sigla AS "provinceSigla", a.score, a.status,
              CASE WHEN a.status = 'RESERVE' THEN a.reserve_reason END AS "reserveReason",
              CASE WHEN ${byTime} THEN a.submitted_at END AS "submittedAt", CASE WHEN ${byEmployees} THEN a.employees END AS employees
       FROM call_application a JOIN comune c ON c.code = a.comune_code JOIN province p ON p.code = a.province_code
       WHERE ${ranked} ORDER BY a.position LIMIT $2 OFFSET $3`,
      [callId, page.first, page.offset],
    );
    return toPage(
      rows.map((row) => ({ ...row, drawKey: drawKey(call.drawSeed ?? '', row.applicationId) })),
      total,
      page,
    );
  }

  /** Every published call's figures, newest window first: one grouped statement over the indexed applications. */
  async figures(ctx: RequestContext): Promise<CallFigures[]> {
    const rows: (Omit<CallFigures, 'closesAt'> & { closesAt: Date })[] = await this.connection.manager(ctx).query(
      `SELECT c.id AS "callId", c.title, c.status, c.places, c.closes_at AS "closesAt",
              count(a.id)::int AS applications,
              count(a.id) FILTER (WHERE a.status = 'ADMITTED')::int AS admitted,
              count(a.id) FILTER (WHERE a.status = 'RESERVE')::int AS reserve,
              count(a.id) FILTER (WHERE a.status = 'EXCLUDED')::int AS excluded
       FROM selection_call c LEFT JOIN call_application a ON a.call_id = c.id
       WHERE c.status <> 'DRAFT' GROUP BY c.id ORDER BY c.closes_at DESC, c.id LIMIT $1`,
      [MAX_FIGURES_CALLS],
    );
    return rows;
  }
}
