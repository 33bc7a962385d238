import { type AgencyResult, computeAgency } from "./agency.ts";
import { parseDocument, toValidAgency, toValidPeriod, toValidQuota, toValidYear } from "./parse.ts";
import { computePeriod, type PeriodResult } from "./period.ts";
import { type Plain, toPlain } from "./plain.ts";
import { applyQuota, type QuotaResult } from "./quota.ts";
import { ok, type Result } from "./result.ts";
import { defaultRuleSet, ruleSetById, ruleSetFor, withOverrides } from "./ruleset/index.ts";
import type { RuleSet } from "./ruleset/types.ts";
import type { CalcDocument } from "./schemas.ts";
import { computeYear, type YearResult } from "./year.ts";

export type PeriodOutput = { kind: "period" } & Plain<PeriodResult>;
export type YearOutput = { kind: "year" } & Plain<YearResult>;
export type QuotaOutput = { kind: "quota" } & Plain<QuotaResult>;
export type AgencyOutput = { kind: "agency" } & Plain<AgencyResult>;
export type CalcOutput = PeriodOutput | YearOutput | QuotaOutput | AgencyOutput;

/**
 * The rule set a document asks for: a released id (`ruleSet`), else the one in force for `year`,
 * else the latest; then its `settings` overrides, which the version id records.
 */
export function resolveRuleSet(doc: Pick<CalcDocument, "ruleSet" | "year" | "settings">): Result<RuleSet> {
  const base = doc.ruleSet ? ruleSetById(doc.ruleSet) : doc.year ? ruleSetFor({ year: doc.year }) : ok(defaultRuleSet);
  if (!base.ok || !doc.settings) return base;
  return ok(withOverrides(base.value, doc.settings));
}

const tag = <K extends CalcOutput["kind"], T>(kind: K, value: T) => ({ kind, ...toPlain(value) });

/**
 * The calculator: one JSON document in (`kind`: period | year | quota | agency), one result out, or
 * the list of issues. Shared by the CLI (`thuocdo calc`) and POST /api/v1/calc/{kind}. Pure.
 */
export function calc(input: unknown): Result<CalcOutput> {
  const parsed = parseDocument(input);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const found = resolveRuleSet(doc);
  if (!found.ok) return found;
  const ruleSet = found.value;
  switch (doc.kind) {
    case "period": {
      const valid = toValidPeriod(ruleSet, doc);
      if (!valid.ok) return valid;
      const result = computePeriod(ruleSet, valid.value);
      return result.ok ? ok(tag("period", result.value) as PeriodOutput) : result;
    }
    case "year": {
      const valid = toValidYear(ruleSet, doc);
      if (!valid.ok) return valid;
      return ok(tag("year", computeYear(ruleSet, valid.value)) as YearOutput);
    }
    case "quota": {
      const valid = toValidQuota(ruleSet, doc);
      if (!valid.ok) return valid;
      const result = applyQuota(ruleSet, valid.value);
      return result.ok ? ok(tag("quota", result.value) as QuotaOutput) : result;
    }
    case "agency": {
      const valid = toValidAgency(ruleSet, doc);
      if (!valid.ok) return valid;
      const result = computeAgency(ruleSet, valid.value);
      return result.ok ? ok(tag("agency", result.value) as AgencyOutput) : result;
    }
  }
}
