import { isAgencyKind, type OrgUnitKind, type Period, type PeriodKind, workMessage } from "@thuocdo/contract";
import { ruleSetFor } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { invalid, periodDto } from "../evaluation/service.ts";
import { requireUnit } from "../org/service.ts";
import { settingsFor } from "../settings/service.ts";
import { assertCanAdministerPeriods, assertCanSeeAgency } from "./policy.ts";
import * as repo from "./repo.ts";

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const dayOf = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(Math.min(day, lastDay(year, month)))}`;

/**
 * Dates of a month or quarter and its deadlines from the agency's settings: self-evaluation and
 * review on the given days of the period's last month, the lock on the given day of the month
 * after (DESIGN §5).
 */
export function periodDates(
  kind: PeriodKind,
  year: number,
  number: number,
  settings: { selfEvaluationDay: number; reviewDay: number; lockDay: number },
) {
  const firstMonth = kind === "quarter" ? (number - 1) * 3 + 1 : number;
  const lastMonth = kind === "quarter" ? firstMonth + 2 : firstMonth;
  const next = lastMonth === 12 ? { year: year + 1, month: 1 } : { year, month: lastMonth + 1 };
  return {
    firstMonth,
    startsOn: dayOf(year, firstMonth, 1),
    endsOn: dayOf(year, lastMonth, 31),
    selfEvaluationDue: dayOf(year, lastMonth, settings.selfEvaluationDay),
    reviewDue: dayOf(year, lastMonth, settings.reviewDay),
    lockDue: dayOf(next.year, next.month, settings.lockDay),
  };
}

/** The period or 404. A write passes `forWrite` so a lock or reopen waits for it (see `findPeriodForWrite`). */
export async function requirePeriod(db: Db, id: string, forWrite = false): Promise<repo.PeriodView> {
  const period = forWrite ? await repo.findPeriodForWrite(db, id) : await repo.findPeriod(db, id);
  if (!period) throw notFound("period", id);
  return period;
}

/** Opens a month or quarter (per the agency's settings) with its deadlines, catalog and rule set. */
export async function openPeriod(
  deps: Deps,
  actor: Actor,
  input: { agencyId: string; year: number; number: number },
): Promise<Period> {
  const agency = await requireUnit(deps.db, input.agencyId);
  if (!isAgencyKind(agency.kind as OrgUnitKind)) throw notFound("agency", input.agencyId);
  assertCanAdministerPeriods(actor, agency.path);
  const settings = await settingsFor(deps.db, agency.id);
  if (settings.periodKind === "quarter" && input.number > 4) {
    throw invalid({ path: ["body", "number"], message: workMessage("periodNumberRange") });
  }
  const dates = periodDates(settings.periodKind, input.year, input.number, settings);
  const ruleSet = ruleSetFor({ year: input.year, month: dates.firstMonth });
  if (!ruleSet.ok) throw new AppError("CALC_INVALID", { issues: ruleSet.error });
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const { firstMonth: _, ...row } = dates;
    const inserted = await repo.insertPeriod(tx, {
      id,
      agencyId: agency.id,
      kind: settings.periodKind,
      year: input.year,
      number: input.number,
      ...row,
      catalogId: await repo.catalogInForce(tx, agency.id, dates.startsOn),
      ruleSetVersion: ruleSet.value.id,
    });
    if (!inserted)
      throw new AppError("DUPLICATE", { issues: [{ path: ["body"], message: workMessage("periodExists") }] });
    await recordChange(tx, actor, {
      entity: "period",
      entityId: id,
      unitPath: agency.path,
      action: "create",
      after: { kind: settings.periodKind, year: input.year, number: input.number, ...row },
    });
  });
  return periodDto(await requirePeriod(deps.db, id));
}

export async function listPeriods(
  deps: Deps,
  actor: Actor,
  query: Omit<repo.PeriodFilter, "paths"> & { page: number; pageSize: number },
) {
  const admin = actor.grants.some((g) => g.role === "admin");
  const { rows, total } = await repo.listPeriods(
    deps.db,
    { ...query, paths: admin ? null : actor.grants.map((g) => g.path) },
    query,
  );
  return { items: rows.map(periodDto), total, page: query.page, pageSize: query.pageSize };
}

export async function getPeriod(deps: Deps, actor: Actor, id: string): Promise<Period> {
  const period = await requirePeriod(deps.db, id);
  assertCanSeeAgency(actor, period.agencyPath);
  return periodDto(period);
}
