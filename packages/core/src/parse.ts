import type { z } from "zod";
import type { Nd335Conditions, QuangNam2023Conditions, ValidAgencyInput, ValidCriterion } from "./agency.ts";
import type { ValidPeriodInput } from "./period.ts";
import type { ValidQuotaInput } from "./quota.ts";
import { Rational } from "./rational.ts";
import { err, type Issue, issue, ok, type Result } from "./result.ts";
import type { RuleSet } from "./ruleset/types.ts";
import {
  type AgencyDocument,
  type CalcDocument,
  type CriterionDocument,
  calcDocument,
  type PeriodDocument,
  type QuotaDocument,
  type YearDocument,
} from "./schemas.ts";
import type { ValidYearInput } from "./year.ts";

/**
 * Parse, don't validate: raw documents become `Valid…` inputs with exact numbers, or a list of
 * every issue found (not just the first), each with a stable code, a JSON path and parameters.
 */

type Path = readonly (string | number)[];

function valueAt(raw: unknown, path: Path): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Maps a zod issue to a calc issue, keeping only data (zod's English messages never leave). */
function fromZodIssue(raw: unknown, zi: z.core.$ZodIssue): Issue {
  const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
  switch (zi.code) {
    case "invalid_union":
      if ("discriminator" in zi && zi.discriminator === "kind") {
        return issue("ERR_UNKNOWN_KIND", path, { allowed: ["period", "year", "quota", "agency"] });
      }
      return issue("ERR_FIELD_INVALID", path);
    case "invalid_type":
      if (valueAt(raw, path) === undefined) return issue("ERR_FIELD_REQUIRED", path);
      if (zi.expected === "int") return issue("ERR_FIELD_INTEGER", path);
      return issue("ERR_FIELD_TYPE", path, { expected: zi.expected });
    case "too_small":
      return issue("ERR_FIELD_RANGE", path, { min: Number(zi.minimum), inclusive: zi.inclusive ?? true });
    case "too_big":
      return issue("ERR_FIELD_RANGE", path, { max: Number(zi.maximum), inclusive: zi.inclusive ?? true });
    case "invalid_value":
      return issue("ERR_FIELD_VALUE", path, {
        allowed: zi.values.filter((v): v is string | number => typeof v === "string" || typeof v === "number"),
      });
    default:
      return issue("ERR_FIELD_INVALID", path);
  }
}

/** Checks a raw document against the calculator schemas (shape and ranges). */
export function parseDocument(raw: unknown): Result<CalcDocument> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return err([issue("ERR_FIELD_TYPE", [], { expected: "object" })]);
  }
  const parsed = calcDocument.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(parsed.error.issues.map((zi) => fromZodIssue(raw, zi)));
}

function duplicates(ids: readonly string[], path: (index: number) => Path): Issue[] {
  const seen = new Set<string>();
  return ids.flatMap((id, index) => {
    if (seen.has(id)) return [issue("ERR_DUPLICATE_ID", path(index), { id })];
    seen.add(id);
    return [];
  });
}

/** A period document to a valid input (Decree 335 Art. 14–18): references, excused ≤ total, leader block. */
export function toValidPeriod(ruleSet: RuleSet, doc: PeriodDocument): Result<ValidPeriodInput> {
  const issues: Issue[] = [];
  const general = Rational.from(doc.general);
  if (general.gt(ruleSet.settings.generalMax)) {
    issues.push(
      issue("ERR_FIELD_RANGE", ["general"], { max: ruleSet.settings.generalMax.toNumber(), inclusive: true }),
    );
  }
  issues.push(
    ...duplicates(
      doc.assignments.map((a) => a.id),
      (i) => ["assignments", i, "id"],
    ),
  );
  const delivered = new Map<string, Rational>();
  doc.deliveries.forEach((d, i) => {
    if (!doc.assignments.some((a) => a.id === d.assignment)) {
      issues.push(issue("ERR_UNKNOWN_ASSIGNMENT", ["deliveries", i, "assignment"], { id: d.assignment }));
    }
    if (d.excusedFailedReviews > d.failedReviews) {
      issues.push(
        issue("ERR_EXCUSED_EXCEEDS_TOTAL", ["deliveries", i, "excusedFailedReviews"], {
          excused: d.excusedFailedReviews,
          total: d.failedReviews,
        }),
      );
    }
    if (d.excusedDelays > d.delays) {
      issues.push(
        issue("ERR_EXCUSED_EXCEEDS_TOTAL", ["deliveries", i, "excusedDelays"], {
          excused: d.excusedDelays,
          total: d.delays,
        }),
      );
    }
    delivered.set(d.assignment, (delivered.get(d.assignment) ?? Rational.ZERO).add(Rational.from(d.quantity)));
  });
  doc.assignments.forEach((a, i) => {
    const total = delivered.get(a.id);
    if (total?.gt(Rational.from(a.quantity))) {
      issues.push(
        issue("ERR_DELIVERED_EXCEEDS_ASSIGNED", ["assignments", i, "quantity"], {
          id: a.id,
          assigned: a.quantity,
          delivered: total.toNumber(),
        }),
      );
    }
  });
  if (doc.leaderRole !== "none" && !doc.leader) {
    issues.push(issue("ERR_LEADER_MISSING", ["leader"], { role: doc.leaderRole }));
  }
  if (doc.leaderRole === "none" && doc.leader) {
    issues.push(issue("ERR_LEADER_UNEXPECTED", ["leader"]));
  }
  if (issues.length > 0) return err(issues);
  return ok({
    leaderRole: doc.leaderRole,
    general,
    assignments: doc.assignments.map((a) => ({
      id: a.id,
      coefficient: Rational.from(a.coefficient),
      quantity: Rational.from(a.quantity),
      source: a.source,
    })),
    deliveries: doc.deliveries.map((d) => ({ ...d, quantity: Rational.from(d.quantity) })),
    leader: doc.leader
      ? {
          subordinateScores: doc.leader.subordinateScores.map((s) => Rational.from(s)),
          organizing: Rational.from(doc.leader.organizing),
          unity: Rational.from(doc.leader.unity),
          organizingReason: doc.leader.organizingReason ?? null,
          unityReason: doc.leader.unityReason ?? null,
        }
      : null,
  });
}

/** A year document to a valid input (Decree 335 Art. 11, 17.3, 20): months unique, not more than worked. */
export function toValidYear(_ruleSet: RuleSet, doc: YearDocument): Result<ValidYearInput> {
  const issues: Issue[] = [];
  const seen = new Set<number>();
  doc.months.forEach((m, i) => {
    if (seen.has(m.month)) issues.push(issue("ERR_DUPLICATE_MONTH", ["months", i, "month"], { month: m.month }));
    seen.add(m.month);
  });
  const monthsWorked = doc.monthsWorked ?? seen.size;
  if (seen.size > monthsWorked) {
    issues.push(issue("ERR_MONTHS_EXCEED_WORKED", ["monthsWorked"], { months: seen.size, monthsWorked }));
  }
  if (issues.length > 0) return err(issues);
  return ok({
    months: doc.months.map((m) => ({ month: m.month, score: Rational.from(m.score) })),
    leave: doc.leave,
    monthsWorked,
    discipline: doc.discipline,
    degradation: doc.degradation,
    corruptionInUnit: doc.corruptionInUnit,
    leaderRole: doc.leaderRole,
    agencyLevel: doc.agencyLevel ?? null,
  });
}

/** A quota document to a valid input (Decree 335 Art. 20.5, 8.5): unique ids, rate ≤ exception rate. */
export function toValidQuota(ruleSet: RuleSet, doc: QuotaDocument): Result<ValidQuotaInput> {
  const issues: Issue[] = [];
  const rate = doc.rate === undefined ? ruleSet.settings.quota.rate : Rational.from(doc.rate);
  const max = ruleSet.settings.quota.exceptionRate;
  if (rate.gt(max)) {
    issues.push(issue("ERR_QUOTA_RATE_ABOVE_EXCEPTION", ["rate"], { rate: rate.toNumber(), max: max.toNumber() }));
  }
  const ids = doc.people.map((p) => p.id);
  issues.push(...duplicates(ids, (i) => ["people", i, "id"]));
  if (doc.tieBreak) {
    issues.push(...duplicates(doc.tieBreak, (i) => ["tieBreak", i]));
    doc.tieBreak.forEach((id, i) => {
      if (!ids.includes(id)) issues.push(issue("ERR_TIE_BREAK_UNKNOWN_ID", ["tieBreak", i], { id }));
    });
  }
  if (issues.length > 0) return err(issues);
  return ok({
    rate,
    reading: doc.reading ?? ruleSet.settings.quota.reading,
    people: doc.people.map((p) => ({ id: p.id, score: Rational.from(p.score), level: p.level })),
    tieBreak: doc.tieBreak ?? null,
  });
}

/**
 * Parents whose children's maxima do not add up to the parent's max. The calculator still scores
 * such a tree (leaves carry the points) and flags it; the framework editor refuses it.
 */
type Mismatches = { id: string; max: Rational; childrenSum: Rational }[];

function toValidCriterion(
  node: CriterionDocument,
  path: Path,
  depth: number,
  issues: Issue[],
  mismatches: Mismatches,
): ValidCriterion | null {
  const children = node.children ?? [];
  if (node.bonus || node.penalty) {
    const kind = node.bonus ? "bonus" : "penalty";
    if (node.bonus && node.penalty) issues.push(issue("ERR_BONUS_AND_PENALTY", path, { id: node.id }));
    if (depth > 0) issues.push(issue("ERR_BONUS_PENALTY_NESTED", path, { id: node.id }));
    if (children.length > 0) issues.push(issue("ERR_BONUS_PENALTY_CHILDREN", [...path, "children"], { id: node.id }));
    if (node.score === undefined) {
      issues.push(issue("ERR_CRITERION_SCORE_MISSING", [...path, "score"], { id: node.id }));
      return null;
    }
    if (node.score < 0 || (node.max !== undefined && node.score > node.max)) {
      issues.push(
        issue("ERR_CRITERION_SCORE_RANGE", [...path, "score"], { id: node.id, min: 0, max: node.max ?? null }),
      );
    }
    const max = node.max === undefined ? null : Rational.from(node.max);
    return { kind, id: node.id, max, score: Rational.from(node.score) };
  }
  if (node.max === undefined) {
    issues.push(issue("ERR_CRITERION_MAX_MISSING", [...path, "max"], { id: node.id }));
    return null;
  }
  const max = Rational.from(node.max);
  const valid = children.map((child, i) =>
    toValidCriterion(child, [...path, "children", i], depth + 1, issues, mismatches),
  );
  if (children.length > 0) {
    const sum = Rational.sum(valid.flatMap((c) => (c?.kind === "scored" ? [c.max] : [])));
    if (valid.every((c) => c !== null) && !sum.eq(max)) mismatches.push({ id: node.id, max, childrenSum: sum });
  } else if (!node.notApplicable) {
    if (node.score === undefined) {
      issues.push(issue("ERR_CRITERION_SCORE_MISSING", [...path, "score"], { id: node.id }));
    } else if (node.score < 0 || node.score > node.max) {
      issues.push(issue("ERR_CRITERION_SCORE_RANGE", [...path, "score"], { id: node.id, min: 0, max: node.max }));
    }
  }
  if (valid.some((c) => c === null)) return null;
  const result: ValidCriterion = {
    kind: "scored",
    id: node.id,
    max,
    notApplicable: node.notApplicable,
    score: children.length === 0 && !node.notApplicable && node.score !== undefined ? Rational.from(node.score) : null,
    children: valid as ValidCriterion[],
  };
  if (children.length > 0 && node.score !== undefined && !node.notApplicable) {
    const sum = achievedOf(result);
    if (!sum.eq(Rational.from(node.score))) {
      issues.push(
        issue("ERR_PARENT_SCORE_MISMATCH", [...path, "score"], {
          id: node.id,
          score: node.score,
          childrenSum: sum.toNumber(),
        }),
      );
    }
  }
  return result;
}

function achievedOf(node: ValidCriterion): Rational {
  if (node.kind !== "scored" || node.notApplicable) return Rational.ZERO;
  return node.children.length === 0 ? (node.score ?? Rational.ZERO) : Rational.sum(node.children.map(achievedOf));
}

function collectIds(nodes: readonly CriterionDocument[], path: Path, out: { id: string; path: Path }[]): void {
  nodes.forEach((node, i) => {
    out.push({ id: node.id, path: [...path, i, "id"] });
    collectIds(node.children ?? [], [...path, i, "children"], out);
  });
}

const nd335Required = [
  "tasksCompletedRatio",
  "tasksOnTimeRatio",
  "tasksExceededRatio",
  "subordinateNotCompleted",
  "shortcomingsFixed",
  "violations",
] as const;
const quangNamRequired = ["parRank", "seriousIncident"] as const;

/**
 * An agency document to a valid input (DESIGN §3 rules 13–14): unique ids; parents' children sum to
 * their max; leaf scores within 0..max; bonus/penalty only at the top; top-level maxima within the
 * framework total; every condition the named rules read present (none is assumed).
 */
export function toValidAgency(ruleSet: RuleSet, doc: AgencyDocument): Result<ValidAgencyInput> {
  const issues: Issue[] = [];
  const ids: { id: string; path: Path }[] = [];
  collectIds(doc.criteria, ["criteria"], ids);
  issues.push(
    ...duplicates(
      ids.map((x) => x.id),
      (i) => ids[i]!.path,
    ),
  );
  const mismatches: Mismatches = [];
  const criteria = doc.criteria.map((node, i) => toValidCriterion(node, ["criteria", i], 0, issues, mismatches));
  const topMax = Rational.sum(
    doc.criteria.flatMap((c) => (!c.bonus && !c.penalty && c.max !== undefined ? [Rational.from(c.max)] : [])),
  );
  if (topMax.gt(ruleSet.settings.agency.totalMax)) {
    issues.push(
      issue("ERR_FRAMEWORK_OVER_MAX", ["criteria"], {
        total: topMax.toNumber(),
        max: ruleSet.settings.agency.totalMax.toNumber(),
      }),
    );
  }
  const c = doc.conditions;
  const required = doc.rules === "nd335" ? nd335Required : quangNamRequired;
  for (const name of required) {
    if (c[name] === undefined)
      issues.push(issue("ERR_CONDITION_MISSING", ["conditions", name], { condition: name, rules: doc.rules }));
  }
  if (issues.length > 0) return err(issues);
  const valid = criteria as ValidCriterion[];
  if (doc.rules === "nd335") {
    const conditions: Nd335Conditions = {
      tasksCompletedRatio: Rational.from(c.tasksCompletedRatio!),
      tasksOnTimeRatio: Rational.from(c.tasksOnTimeRatio!),
      tasksExceededRatio: Rational.from(c.tasksExceededRatio!),
      subordinateNotCompleted: c.subordinateNotCompleted!,
      shortcomingsFixed: c.shortcomingsFixed!,
      violations: c.violations!,
      forceMajeure: c.forceMajeure,
    };
    return ok({ rules: "nd335", criteria: valid, conditions, mismatches });
  }
  const conditions: QuangNam2023Conditions = { parRank: c.parRank!, seriousIncident: c.seriousIncident! };
  return ok({ rules: "quangnam2023", criteria: valid, conditions, mismatches });
}
