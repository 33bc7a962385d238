import { type AgencyResult, computeAgency } from "./agency.ts";
import { resolveRuleSet } from "./calc.ts";
import { parseDocument, toValidAgency, toValidPeriod, toValidQuota, toValidYear } from "./parse.ts";
import { computePeriod, type PeriodResult } from "./period.ts";
import { applyQuota, type QuotaResult } from "./quota.ts";
import type { Issue, Result } from "./result.ts";
import type { RuleSet } from "./ruleset/types.ts";
import type { CalcDocument } from "./schemas.ts";
import { computeYear, type YearResult } from "./year.ts";

/**
 * Test helpers: run a calculator document through parse → validate → compute and keep the exact
 * result (the dispatcher's output is plain numbers). Not exported from the package.
 */

type Doc<K extends CalcDocument["kind"]> = { kind: K } & Record<string, unknown>;

function prepare<K extends CalcDocument["kind"]>(
  doc: Doc<K>,
): Result<{ ruleSet: RuleSet; doc: Extract<CalcDocument, { kind: K }> }> {
  const parsed = parseDocument(doc);
  if (!parsed.ok) return parsed;
  const ruleSet = resolveRuleSet(parsed.value);
  if (!ruleSet.ok) return ruleSet;
  return { ok: true, value: { ruleSet: ruleSet.value, doc: parsed.value as Extract<CalcDocument, { kind: K }> } };
}

export function tryPeriod(doc: Omit<Doc<"period">, "kind">): Result<PeriodResult> {
  const p = prepare({ kind: "period", ...doc });
  if (!p.ok) return p;
  const valid = toValidPeriod(p.value.ruleSet, p.value.doc);
  return valid.ok ? computePeriod(p.value.ruleSet, valid.value) : valid;
}

export function tryYear(doc: Omit<Doc<"year">, "kind">): Result<YearResult> {
  const p = prepare({ kind: "year", ...doc });
  if (!p.ok) return p;
  const valid = toValidYear(p.value.ruleSet, p.value.doc);
  return valid.ok ? { ok: true, value: computeYear(p.value.ruleSet, valid.value) } : valid;
}

export function tryQuota(doc: Omit<Doc<"quota">, "kind">): Result<QuotaResult> {
  const p = prepare({ kind: "quota", ...doc });
  if (!p.ok) return p;
  const valid = toValidQuota(p.value.ruleSet, p.value.doc);
  return valid.ok ? applyQuota(p.value.ruleSet, valid.value) : valid;
}

export function tryAgency(doc: Omit<Doc<"agency">, "kind">): Result<AgencyResult> {
  const p = prepare({ kind: "agency", ...doc });
  if (!p.ok) return p;
  const valid = toValidAgency(p.value.ruleSet, p.value.doc);
  return valid.ok ? computeAgency(p.value.ruleSet, valid.value) : valid;
}

/** The value of a result expected to succeed; throws with the issues otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got issues: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The issue codes of a result expected to fail. */
export function codes<T>(result: Result<T>): Issue["code"][] {
  if (result.ok) throw new Error("expected issues, got a value");
  return result.error.map((i) => i.code);
}

export const period = (doc: Omit<Doc<"period">, "kind">) => unwrap(tryPeriod(doc));
export const year = (doc: Omit<Doc<"year">, "kind">) => unwrap(tryYear(doc));
export const quota = (doc: Omit<Doc<"quota">, "kind">) => unwrap(tryQuota(doc));
export const agency = (doc: Omit<Doc<"agency">, "kind">) => unwrap(tryAgency(doc));
