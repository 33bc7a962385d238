import { Rational } from "../rational.ts";
import { err, issue, ok, type Result } from "../result.ts";
import { nd335_2026_1 } from "./nd335-2026.ts";
import type { DelayCounting, QuotaReading, RuleSet } from "./types.ts";

export { nd335_2026_1 } from "./nd335-2026.ts";
export * from "./types.ts";

/**
 * Every released rule-set version, oldest first. A version may override any setting of
 * `RuleSetSettings`; nothing else (the formulas themselves) varies by version. To change a rule,
 * add a module with a new id and append it here — never edit a released one.
 */
export const ruleSets: readonly RuleSet[] = [nd335_2026_1];

/** The version used when a document names none: the latest released. */
export const defaultRuleSet: RuleSet = nd335_2026_1;

/** Local choices an agency may record on top of a version (DESIGN §3: settings are data). */
export interface RuleSetOverrides {
  readonly taskPointsCap?: number | null | undefined;
  readonly firstScoredMonth?: number | undefined;
  readonly delayCounting?: DelayCounting | undefined;
  readonly quota?:
    | {
        readonly rate?: number | undefined;
        readonly exceptionRate?: number | undefined;
        readonly reading?: QuotaReading | undefined;
      }
    | undefined;
}

/** A released version by id. */
export function ruleSetById(id: string): Result<RuleSet> {
  const found = ruleSets.find((set) => set.id === id);
  return found
    ? ok(found)
    : err([issue("ERR_UNKNOWN_RULE_SET", ["ruleSet"], { id, known: ruleSets.map((s) => s.id) })]);
}

/**
 * The version in force for a period: the latest whose `validFrom` is not after it, with the
 * agency's recorded overrides applied (DESIGN §3: `ruleSetFor(agency, period)`).
 */
export function ruleSetFor(period: { year: number; month?: number }, overrides?: RuleSetOverrides): Result<RuleSet> {
  const month = period.month ?? 1;
  const inForce = ruleSets.filter(
    (set) => set.validFrom.year < period.year || (set.validFrom.year === period.year && set.validFrom.month <= month),
  );
  const found = inForce.at(-1);
  if (!found) return err([issue("ERR_NO_RULE_SET_FOR_PERIOD", ["year"], { year: period.year, month })]);
  return ok(overrides ? withOverrides(found, overrides) : found);
}

/**
 * A derived rule set. Its id is the base id plus each overridden setting (`+taskPointsCap=null`),
 * so a stored result still says exactly which numbers produced it.
 */
export function withOverrides(base: RuleSet, overrides: RuleSetOverrides): RuleSet {
  const tags: string[] = [];
  let settings = base.settings;
  if (overrides.taskPointsCap !== undefined) {
    const cap = overrides.taskPointsCap;
    settings = { ...settings, taskPointsCap: cap === null ? null : Rational.from(cap) };
    tags.push(`taskPointsCap=${cap}`);
  }
  if (overrides.firstScoredMonth !== undefined) {
    settings = { ...settings, firstScoredMonth: overrides.firstScoredMonth };
    tags.push(`firstScoredMonth=${overrides.firstScoredMonth}`);
  }
  if (overrides.delayCounting !== undefined) {
    settings = { ...settings, delayCounting: overrides.delayCounting };
    tags.push(`delayCounting=${overrides.delayCounting}`);
  }
  const quota = overrides.quota;
  if (quota?.rate !== undefined) {
    settings = { ...settings, quota: { ...settings.quota, rate: Rational.from(quota.rate) } };
    tags.push(`quota.rate=${quota.rate}`);
  }
  if (quota?.exceptionRate !== undefined) {
    settings = { ...settings, quota: { ...settings.quota, exceptionRate: Rational.from(quota.exceptionRate) } };
    tags.push(`quota.exceptionRate=${quota.exceptionRate}`);
  }
  if (quota?.reading !== undefined) {
    settings = { ...settings, quota: { ...settings.quota, reading: quota.reading } };
    tags.push(`quota.reading=${quota.reading}`);
  }
  return tags.length === 0 ? base : { ...base, id: `${base.id}+${tags.join("+")}`, settings };
}
