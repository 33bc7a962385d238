/**
 * @thuocdo/core — the rules of Decree 335/2025/NĐ-CP (and agency frameworks such as Quảng Nam
 * 2023) as pure functions over validated inputs, with versioned rule sets. No I/O, no clock.
 *
 * Flow: raw document → `parseDocument` / `toValid…` (Result with issue codes) → `compute…`
 * with a `RuleSet` from `ruleSetFor` → exact result with explanation → `toPlain` at the edge.
 * `calc` does all of it for the calculator.
 */
export * from "./agency.ts";
export * from "./calc.ts";
export * from "./calendar.ts";
export type * from "./explanation.ts";
export * from "./general-criteria.ts";
export * from "./levels.ts";
export * from "./parse.ts";
export * from "./period.ts";
export * from "./plain.ts";
export * from "./quota.ts";
export * from "./rational.ts";
export * from "./result.ts";
export * from "./ruleset/index.ts";
export * from "./schemas.ts";
export * from "./year.ts";
