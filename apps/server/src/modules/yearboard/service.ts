import type { ClassificationRow, LeaderRole, LevelReasonJson, QuotaComputation, QuotaView } from "@thuocdo/contract";
import {
  applyQuota,
  type ClassifiedLevel,
  classifiedLevels,
  computeYear,
  type DisciplineForm,
  disciplineForms,
  type LeaveKind,
  type Level,
  type QuotaResult,
  Rational,
  type RuleSet,
  ruleSetFor,
  toPlain,
  type ValidYearInput,
  type YearResult,
} from "@thuocdo/core";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../http/app-error.ts";
import { groupBy } from "../../lib/group-by.ts";
import { pathIds } from "../../lib/org-path.ts";
import type * as classificationRepo from "../classification/repo.ts";
import { decisionsOf, personEntries, resultsOf, tieBreaksOf } from "../classification/repo.ts";
import { listGroups } from "../quota/repo.ts";
import { defaultGroups, groupOf, type Members } from "../quota/service.ts";
import { leaveOf, type RecordRow, recordsCountingIn, transfersInto, userNames } from "../records/repo.ts";
import { settleScores } from "../scoring-settle/service.ts";
import * as repo from "./repo.ts";

/**
 * The live annual classification of one agency (Decree 335 Art. 11, 17.3, 19–20; DESIGN §3
 * rules 8–12): every active civil servant's confirmed months (from any agency, Art. 19.1),
 * leave, records and leader role go to `computeYear`; the levels then go through `applyQuota`
 * per quota group and agency-wide, with the head's recorded tie orders. Nothing here computes a
 * score: averages, levels and quota counts all come from `packages/core`.
 */

export interface BoardInput {
  agencyId: string;
  agencyName: string;
  agencyPath: string;
  year: number;
  /** The stored classification, or null for a preview (default rate, no ties, no decision). */
  classification: classificationRepo.ClassificationRow | null;
}

export interface BoardRow extends ClassificationRow {
  unitPath: string;
  /** The core's exact result (the DTO shows it rounded). */
  result: YearResult;
  exactAverage: Rational | null;
}

export interface Board {
  input: BoardInput;
  ruleSet: RuleSet;
  rows: BoardRow[];
  quota: QuotaView;
  /** Final levels after the quota; `pending` counts ties waiting for the head. */
  counts: Record<string, number>;
  pendingTies: number;
  agencyLevel: { level: ClassifiedLevel | null; source: "agency_evaluation" | "manual" | "none" };
  activeDecision: classificationRepo.DecisionRow | null;
}

/**
 * The rule set of a year with the agency's first scored month when that year is its first
 * (DESIGN §3 rule 8: "2026-06" → months before June are left out of 2026).
 */
export function ruleSetForYear(year: number, firstScoredMonth: string | null): RuleSet {
  const [startYear, startMonth] = (firstScoredMonth ?? "").split("-").map(Number);
  const overrides = startYear === year && startMonth ? { firstScoredMonth: startMonth } : undefined;
  const found = ruleSetFor({ year, month: 12 }, overrides);
  if (!found.ok) throw new AppError("CALC_INVALID", { issues: found.error });
  return found.value;
}

/** The leave that decides eligibility (Art. 11.2): sick or maternity leave over unpaid leave. */
export function yearLeave(kinds: readonly string[]): LeaveKind {
  if (kinds.includes("maternity")) return "maternity";
  if (kinds.includes("sick")) return "sick";
  if (kinds.includes("unpaid")) return "unpaid";
  return "none";
}

interface MonthSource {
  score: Rational;
  agencyId: string;
  quarterly: boolean;
}

/**
 * One score per month: a quarter's score stands for each of its three months (so the mean of
 * quarters equals the mean of months, Art. 17.3); a monthly score wins over a quarterly one, and
 * the classifying agency's over another's when a month was confirmed twice around a transfer.
 */
export function monthScores(rows: readonly repo.ConfirmedScoreRow[], agencyId: string): Map<number, MonthSource> {
  const months = new Map<number, MonthSource>();
  for (const row of rows) {
    if (row.total === null) continue;
    const quarterly = row.kind === "quarter";
    const score = Rational.from(Number(row.total));
    const covered = quarterly ? [3 * row.number - 2, 3 * row.number - 1, 3 * row.number] : [row.number];
    for (const month of covered) {
      const existing = months.get(month);
      const better =
        !existing ||
        (existing.quarterly && !quarterly) ||
        (existing.quarterly === quarterly && existing.agencyId !== agencyId && row.agencyId === agencyId);
      if (better) months.set(month, { score, agencyId: row.agencyId, quarterly });
    }
  }
  return months;
}

/** Attaches the record that forced each level reason (discipline, degradation, corruption). */
function reasonsWithRecords(ruleSet: RuleSet, reasons: YearResult["reasons"], records: RecordRow[]): LevelReasonJson[] {
  const lowest = disciplineForms.indexOf(ruleSet.settings.disciplineForcingFrom);
  const forcing = records.filter(
    (r) => r.kind === "discipline" && r.publicDuty && disciplineForms.indexOf(r.form as DisciplineForm) >= lowest,
  );
  let next = 0;
  return reasons.map((reason) => {
    const plain = toPlain(reason) as LevelReasonJson;
    if (reason.rule === "discipline") return { ...plain, recordId: forcing[next++]?.id ?? null };
    if (reason.rule === "degradation")
      return { ...plain, recordId: records.find((r) => r.kind === "degradation")?.id ?? null };
    if (reason.rule === "corruption_in_unit") {
      return { ...plain, recordId: records.find((r) => r.kind === "corruption_in_unit")?.id ?? null };
    }
    return plain;
  });
}

const isCut = (o: string | undefined) => o === "cut" || o === "cut_by_decision";

function computationOf(
  scope: string,
  name: string,
  result: QuotaResult,
  names: Map<string, string>,
  tie: classificationRepo.TieBreakRow | undefined,
  decidedByName: string | null,
): QuotaComputation {
  const e = result.explanation;
  return {
    scope,
    name,
    good: e.good,
    excellent: e.excellent,
    rate: e.rate.toNumber(),
    exception: e.exception,
    reading: e.reading,
    formula: e.formula,
    bound: e.bound.toNumber(),
    allowed: e.allowed,
    candidates: e.candidates.map((c) => ({
      personId: c.id,
      fullName: names.get(c.id) ?? c.id,
      score: c.score.toNumber(),
      rank: c.rank,
      outcome: c.outcome,
    })),
    cut: [...result.cut],
    tie: e.tie
      ? {
          score: e.tie.score.toNumber(),
          personIds: [...e.tie.ids],
          seats: e.tie.seats,
          decided: e.tie.decided,
          decidedByName: e.tie.decided ? decidedByName : null,
          decidedAt: e.tie.decided && tie ? tie.decidedAt.toISOString() : null,
          reason: e.tie.decided && tie ? tie.reason : null,
        }
      : null,
    finalExcellent: e.finalExcellent,
    finalGood: e.finalGood,
  };
}

/** applyQuota with the recorded tie order; an order gone stale (the tie changed) counts as none. */
function quotaWith(
  ruleSet: RuleSet,
  rate: Rational,
  people: { id: string; score: Rational; level: Level }[],
  tie: classificationRepo.TieBreakRow | undefined,
): QuotaResult {
  const input = { rate, reading: ruleSet.settings.quota.reading, people, tieBreak: (tie?.order as string[]) ?? null };
  const res = applyQuota(ruleSet, input);
  if (res.ok) return res.value;
  const fresh = applyQuota(ruleSet, { ...input, tieBreak: null });
  if (!fresh.ok) throw new AppError("CALC_INVALID", { issues: fresh.error });
  return fresh.value;
}

export async function computeBoard(db: Db, input: BoardInput): Promise<Board> {
  const { agencyId, year, classification } = input;
  await settleScores(db, { year, agencyIds: [agencyId] });
  const staff = await repo.agencyPeople(db, agencyId);
  const ids = staff.map((p) => p.id);
  const [scores, leave, records, transfersIn, firstSetting, evalLevel, stored] = await Promise.all([
    repo.confirmedScores(db, ids, year),
    leaveOf(db, ids, year),
    recordsCountingIn(db, ids, year),
    transfersInto(db, agencyId, year),
    repo.firstScoredMonthSetting(db, agencyId),
    repo.agencyLevelFromEvaluation(db, agencyId, year),
    listGroups(db, agencyId),
  ]);
  // Before hr opens the year (a preview), the default groups stand in for the unsaved ones.
  const groups: { id: string; name: string; members: Members }[] =
    stored.length > 0
      ? stored.map((g) => ({ id: g.id, name: g.name, members: g.members as Members }))
      : defaultGroups.map((g, i) => ({ ...g, id: `default-${i}` }));
  const [entries, ties, decisions] = classification
    ? await Promise.all([
        personEntries(db, classification.id),
        tieBreaksOf(db, classification.id),
        decisionsOf(db, classification.id),
      ])
    : [[], [], []];
  const activeDecision = decisions.find((d) => d.active) ?? null;
  const decided = new Map((await resultsOf(db, activeDecision ? [activeDecision.id] : [])).map((r) => [r.personId, r]));
  const ruleSet = ruleSetForYear(year, firstSetting);

  const manual = classification?.agencyLevel as ClassifiedLevel | null | undefined;
  const agencyLevel: Board["agencyLevel"] =
    evalLevel && (classifiedLevels as readonly string[]).includes(evalLevel)
      ? { level: evalLevel as ClassifiedLevel, source: "agency_evaluation" }
      : manual
        ? { level: manual, source: "manual" }
        : { level: null, source: "none" };

  // ── computeYear per person ──
  // Each person's rows are looked up in maps built once: a filter per person would be O(n²).
  const entryOf = new Map(entries.map((e) => [e.personId, e]));
  const scoresOf = groupBy(scores, (s) => s.personId);
  const leaveOfPerson = groupBy(leave, (l) => l.personId);
  const recordsOf = groupBy(records, (r) => r.personId);
  const transfersOf = groupBy(transfersIn, (t) => t.transfer.personId);
  const base = staff.map((person) => {
    const months = monthScores(scoresOf.get(person.id) ?? [], agencyId);
    const personLeave = leaveOfPerson.get(person.id) ?? [];
    const personRecords = recordsOf.get(person.id) ?? [];
    const yearInput: ValidYearInput = {
      months: [...months].map(([month, m]) => ({ month, score: m.score })),
      leave: yearLeave(personLeave.map((l) => l.kind)),
      monthsWorked: months.size,
      discipline: personRecords
        .filter((r) => r.kind === "discipline" && r.form)
        .map((r) => ({ form: r.form as DisciplineForm, publicDuty: r.publicDuty })),
      degradation: personRecords.some((r) => r.kind === "degradation"),
      corruptionInUnit: personRecords.some((r) => r.kind === "corruption_in_unit"),
      leaderRole: person.leaderRole as LeaderRole,
      agencyLevel: agencyLevel.level,
    };
    const result = computeYear(ruleSet, yearInput);
    const group = groupOf(groups, {
      leaderRole: person.leaderRole as LeaderRole,
      positionId: person.positionId,
      unitChain: pathIds(person.unitPath),
    });
    return { person, months, personLeave, personRecords, yearInput, result, group };
  });

  // ── applyQuota per group, then agency-wide ──
  const rate = classification ? Rational.from(Number(classification.quotaRate)) : ruleSet.settings.quota.rate;
  const names = new Map(staff.map((p) => [p.id, p.fullName]));
  const tieOf = new Map(ties.map((t) => [t.scope, t]));
  const deciders = await userNames(
    db,
    ties.map((t) => t.decidedBy),
  );
  const deciderOf = (scope: string) => {
    const by = tieOf.get(scope)?.decidedBy;
    return by ? (deciders.get(by) ?? null) : null;
  };
  const scoreOf = (r: YearResult) => r.average ?? Rational.ZERO;

  const afterGroup = new Map<
    string,
    { level: Level | null; outcome: string | undefined; reasons: LevelReasonJson[] }
  >();
  const groupComputations: QuotaComputation[] = [];
  const membersOf = groupBy(base, (b) => b.group?.id);
  for (const group of groups) {
    const members = membersOf.get(group.id) ?? [];
    const result = quotaWith(
      ruleSet,
      rate,
      members.map((m) => ({ id: m.person.id, score: scoreOf(m.result), level: m.result.level })),
      tieOf.get(group.id),
    );
    const outcomes = new Map(result.explanation.candidates.map((c) => [c.id, c.outcome as string]));
    for (const m of members) {
      afterGroup.set(m.person.id, {
        level: result.levels[m.person.id] ?? null,
        outcome: outcomes.get(m.person.id),
        reasons: (result.reasons[m.person.id] ?? []).map(
          (r) => ({ ...toPlain(r), scope: group.name }) as LevelReasonJson,
        ),
      });
    }
    groupComputations.push(
      computationOf(group.id, group.name, result, names, tieOf.get(group.id), deciderOf(group.id)),
    );
  }
  const agencyResult = quotaWith(
    ruleSet,
    rate,
    base.map((b) => ({
      id: b.person.id,
      score: scoreOf(b.result),
      // The agency-wide check runs on the groups' outcome: a tie still waiting in its group counts
      // as good here until the head decides it (its own final level waits anyway).
      level: afterGroup.has(b.person.id) ? (afterGroup.get(b.person.id)!.level ?? "good") : b.result.level,
    })),
    tieOf.get("agency"),
  );
  const agencyOutcomes = new Map(agencyResult.explanation.candidates.map((c) => [c.id, c.outcome as string]));

  // ── rows ──
  const rows: BoardRow[] = base.map((b) => {
    const id = b.person.id;
    const group = afterGroup.get(id);
    const agencyOutcome = agencyOutcomes.get(id);
    const groupLevel = group ? group.level : b.result.level;
    const finalLevel = groupLevel === null ? null : (agencyResult.levels[id] ?? null);
    const outcome =
      isCut(agencyOutcome) || agencyOutcome === "tie_pending" || agencyOutcome === "kept_by_decision"
        ? agencyOutcome
        : (group?.outcome ?? agencyOutcome);
    const reasons: LevelReasonJson[] = [
      ...reasonsWithRecords(ruleSet, b.result.reasons, b.personRecords),
      ...(group?.reasons ?? []),
      ...(agencyResult.reasons[id] ?? []).map((r) => ({ ...toPlain(r), scope: "agency" }) as LevelReasonJson),
    ];
    if (finalLevel === null) reasons.push({ rule: "tie_pending", article: "Art. 20.5" });
    const entry = entryOf.get(id);
    const leaveByMonth = new Map(b.personLeave.map((l) => [l.month, l.kind]));
    return {
      personId: id,
      fullName: b.person.fullName,
      employeeCode: b.person.employeeCode,
      unitId: b.person.unitId,
      unitName: b.person.unitName,
      unitPath: b.person.unitPath,
      positionName: b.person.positionName,
      title: b.person.title,
      leaderRole: b.person.leaderRole as LeaderRole,
      quotaGroupId: b.group?.id ?? null,
      quotaGroupName: b.group?.name ?? null,
      months: b.result.explanation.months.map((m) => ({
        month: m.month,
        score: m.score ? m.score.toNumber() : null,
        counted: m.counted,
        agencyId: b.months.get(m.month)?.agencyId ?? null,
        leave: (leaveByMonth.get(m.month) ?? null) as ClassificationRow["months"][number]["leave"],
      })),
      monthsCounted: b.result.monthsCounted,
      monthsWorked: b.yearInput.monthsWorked,
      leave: b.yearInput.leave,
      average: b.result.average ? Number(b.result.average.toFixed(2)) : null,
      averageExact: b.result.average?.toString() ?? null,
      yearLevel: b.result.level,
      proposedLevel: finalLevel,
      quotaOutcome: (outcome ?? null) as ClassificationRow["quotaOutcome"],
      reasons,
      transferredFrom: (transfersOf.get(id) ?? []).map((t) => ({
        agencyId: t.transfer.fromAgencyId,
        agencyName: t.fromAgencyName,
        effectiveOn: t.transfer.effectiveOn,
      })),
      selfProposedLevel: (entry?.selfProposedLevel ?? null) as ClassificationRow["selfProposedLevel"],
      partyOpinionRequired: b.person.leaderRole === "head" || b.person.leaderRole === "deputy",
      partyOpinionRecorded: !!entry?.partyOpinion,
      decidedLevel: (decided.get(id)?.level ?? null) as ClassificationRow["decidedLevel"],
      ruleSetVersion: b.result.ruleSetVersion,
      result: b.result,
      exactAverage: b.result.average,
    };
  });

  const counts: Record<string, number> = {};
  for (const row of rows) {
    const key = row.proposedLevel ?? "pending";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const pendingTies = [...groupComputations, computationOf("agency", "", agencyResult, names, undefined, null)].filter(
    (c) => c.tie && !c.tie.decided,
  ).length;

  return {
    input,
    ruleSet,
    rows,
    quota: {
      groups: groupComputations,
      agency: computationOf("agency", input.agencyName, agencyResult, names, tieOf.get("agency"), deciderOf("agency")),
      ungrouped: base.filter((b) => !b.group).map((b) => ({ personId: b.person.id, fullName: b.person.fullName })),
    },
    counts,
    pendingTies,
    agencyLevel,
    activeDecision,
  };
}
