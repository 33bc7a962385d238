import type { AgencyTotal, CustomRules, FrameworkIssue, FrameworkRuleChoice, ScoreColumn } from "@thuocdo/contract";
import {
  type AgencyResult,
  type AgencyRuleName,
  applyQuota,
  type ClassifiedLevel,
  type CriterionExplanation,
  computeAgency,
  defaultRuleSet,
  type Level,
  type Nd335Conditions,
  type ParRank,
  type QuangNam2023Conditions,
  type QuotaResult,
  Rational,
  type Result,
  type RuleSet,
  ruleSetFor,
  scoreFramework,
  toPlain,
  type ValidCriterion,
} from "@thuocdo/core";
import type { Db } from "../../db/database.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import * as frameworks from "../frameworks/repo.ts";
import * as repo from "./repo.ts";

/**
 * What every part of the agency evaluation shares: the criteria tree, its structural check, the
 * rule set a framework runs on, and the totals — always computed by packages/core
 * (`scoreFramework`, `computeAgency`, `applyQuota`), never by a second formula.
 */

/* ───────── The criteria tree ───────── */

export interface CriterionLike {
  id: string;
  parentId: string | null;
  code: string;
  max: string;
  kind: string;
  sortOrder: number;
}

export interface TreeNode<T extends CriterionLike> {
  row: T;
  depth: number;
  children: TreeNode<T>[];
}

/** Roots and children by sort order (then code); a row whose parent is missing is a root. */
export function buildTree<T extends CriterionLike>(rows: readonly T[]): TreeNode<T>[] {
  const ids = new Set(rows.map((r) => r.id));
  const byParent = new Map<string | null, T[]>();
  for (const row of rows) {
    const key = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), row]);
  }
  const order = (a: T, b: T) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, "vi", { numeric: true });
  const grow = (parentId: string | null, depth: number): TreeNode<T>[] =>
    (byParent.get(parentId) ?? []).sort(order).map((row) => ({ row, depth, children: grow(row.id, depth + 1) }));
  return grow(null, 0);
}

/** Parents before children, siblings in order: the order every list and report shows. */
export function preorder<T extends CriterionLike>(roots: readonly TreeNode<T>[]): TreeNode<T>[] {
  return roots.flatMap((node) => [node, ...preorder(node.children)]);
}

/** Exact value of a NUMERIC column as text: "12.50" → 1250/100, no float on the way. */
export const points = (value: string): Rational => {
  const [whole = "0", frac = ""] = value.trim().split(".");
  const negative = whole.startsWith("-");
  const units = BigInt(whole.replace("-", "") || "0") * 10n ** BigInt(frac.length) + BigInt(frac || "0");
  return Rational.of(negative ? -units : units, 10n ** BigInt(frac.length));
};

/**
 * The strict structure check of the framework editor (DESIGN §3 rule 13): each parent's max is
 * the sum of its children's; the scored top level totals the rule set's 100; bonus and penalty
 * criteria sit at the top without children. (The calculator only flags a mismatch; the editor
 * refuses it.)
 */
export function frameworkIssues<T extends CriterionLike>(
  ruleSet: RuleSet,
  roots: readonly TreeNode<T>[],
  agencyCount: number | null,
): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const all = preorder(roots);
  if (all.length === 0) issues.push({ code: "no_criteria", criterionId: null, details: {} });
  const seen = new Set<string>();
  for (const node of all) {
    const { row } = node;
    const code = row.code.toLocaleLowerCase("vi");
    if (seen.has(code)) issues.push({ code: "duplicate_code", criterionId: row.id, details: { code: row.code } });
    seen.add(code);
    if (row.kind !== "scored") {
      if (node.depth > 0) issues.push({ code: "bonus_penalty_not_top_level", criterionId: row.id, details: {} });
      if (node.children.length > 0) {
        issues.push({ code: "bonus_penalty_with_children", criterionId: row.id, details: {} });
      }
      continue;
    }
    const scoredChildren = node.children.filter((c) => c.row.kind === "scored");
    if (scoredChildren.length > 0) {
      const sum = Rational.sum(scoredChildren.map((c) => points(c.row.max)));
      const max = points(row.max);
      if (!sum.eq(max)) {
        issues.push({
          code: "children_max_mismatch",
          criterionId: row.id,
          details: { max: max.toNumber(), childrenSum: sum.toNumber() },
        });
      }
    }
  }
  const base = Rational.sum(roots.filter((r) => r.row.kind === "scored").map((r) => points(r.row.max)));
  const expected = ruleSet.settings.agency.totalMax;
  if (all.length > 0 && !base.eq(expected)) {
    issues.push({
      code: "base_total_not_100",
      criterionId: null,
      details: { total: base.toNumber(), expected: expected.toNumber() },
    });
  }
  if (agencyCount === 0) issues.push({ code: "no_agencies", criterionId: null, details: {} });
  return issues;
}

/* ───────── Rules ───────── */

export interface FrameworkRules {
  year: number;
  rules: FrameworkRuleChoice | string;
  customRules: unknown;
}

/**
 * The rule set a framework's results record: the version in force for its year, with a custom
 * framework's numbers applied and tagged in the id (as `withOverrides` tags local choices), and
 * the rule family core applies.
 */
export function frameworkRuleSet(fw: FrameworkRules): { ruleSet: RuleSet; rules: AgencyRuleName } {
  const found = ruleSetFor({ year: fw.year, month: 12 });
  const base = found.ok ? found.value : defaultRuleSet;
  if (fw.rules !== "custom") return { ruleSet: base, rules: fw.rules as AgencyRuleName };
  const custom = (fw.customRules ?? { base: "nd335" }) as CustomRules;
  const agency = base.settings.agency;
  const tags: string[] = [];
  const nd335 = { ...agency.nd335 };
  const quangnam2023 = { ...agency.quangnam2023 };
  const ratio = (name: "excellentExceededMin" | "completedLateMax" | "notCompletedBelow") => {
    const value = custom[name];
    if (value === undefined) return;
    nd335[name] = Rational.from(value);
    tags.push(`agency.nd335.${name}=${value}`);
  };
  ratio("excellentExceededMin");
  ratio("completedLateMax");
  ratio("notCompletedBelow");
  if (custom.excellentParRankMin !== undefined) {
    quangnam2023.excellentParRankMin = custom.excellentParRankMin;
    tags.push(`agency.quangnam2023.excellentParRankMin=${custom.excellentParRankMin}`);
  }
  if (custom.seriousIncidentLowersBy !== undefined) {
    quangnam2023.seriousIncidentLowersBy = custom.seriousIncidentLowersBy;
    tags.push(`agency.quangnam2023.seriousIncidentLowersBy=${custom.seriousIncidentLowersBy}`);
  }
  const ruleSet: RuleSet =
    tags.length === 0
      ? base
      : {
          ...base,
          id: `${base.id}+${tags.join("+")}`,
          settings: { ...base.settings, agency: { ...agency, nd335, quangnam2023 } },
        };
  return { ruleSet, rules: custom.base };
}

export const requiredConditionNames: Record<AgencyRuleName, readonly string[]> = {
  nd335: [
    "tasksCompletedRatio",
    "tasksOnTimeRatio",
    "tasksExceededRatio",
    "subordinateNotCompleted",
    "shortcomingsFixed",
    "violations",
  ],
  quangnam2023: ["parRank", "seriousIncident"],
};

type ConditionsJson = Record<string, unknown>;

export function missingConditions(rules: AgencyRuleName, json: ConditionsJson): string[] {
  return requiredConditionNames[rules].filter((name) => json[name] === undefined || json[name] === null);
}

function toConditions(rules: AgencyRuleName, json: ConditionsJson): Nd335Conditions | QuangNam2023Conditions | null {
  if (missingConditions(rules, json).length > 0) return null;
  if (rules === "quangnam2023") {
    return { parRank: json.parRank as ParRank, seriousIncident: json.seriousIncident === true };
  }
  return {
    tasksCompletedRatio: Rational.from(json.tasksCompletedRatio as number),
    tasksOnTimeRatio: Rational.from(json.tasksOnTimeRatio as number),
    tasksExceededRatio: Rational.from(json.tasksExceededRatio as number),
    subordinateNotCompleted: json.subordinateNotCompleted === true,
    shortcomingsFixed: json.shortcomingsFixed === true,
    violations: json.violations === true,
    forceMajeure: json.forceMajeure === true,
  };
}

/* ───────── Score columns ───────── */

export interface ScoreCell {
  selfScore: string | null;
  notApplicable: boolean;
  appraisedScore: string | null;
  finalScore: string | null;
}

/**
 * The value a column reads (DESIGN §3 rule 16): appraised = the appraiser's score, else the
 * self-score stands; final = the secretariat's proposal, else the appraised value. A criterion
 * declared not applicable stays so unless a later column scores it (an appraiser who rejects the
 * N/A scores the criterion).
 */
export function columnValue(
  cell: ScoreCell | undefined,
  column: ScoreColumn,
): { score: Rational | null; notApplicable: boolean } {
  if (!cell) return { score: null, notApplicable: false };
  const chain =
    column === "self"
      ? [cell.selfScore]
      : column === "appraised"
        ? [cell.appraisedScore, cell.selfScore]
        : [cell.finalScore, cell.appraisedScore, cell.selfScore];
  const overridden = column !== "self" && chain.slice(0, -1).some((v) => v !== null);
  if (cell.notApplicable && !overridden) return { score: null, notApplicable: true };
  const value = chain.find((v) => v !== null) ?? null;
  return { score: value === null ? null : points(value), notApplicable: false };
}

/** The criteria as core's validated input for one column; leaves without a score count 0 and are counted. */
export function validCriteria<T extends CriterionLike>(
  roots: readonly TreeNode<T>[],
  cells: ReadonlyMap<string, ScoreCell>,
  column: ScoreColumn,
): { criteria: ValidCriterion[]; missing: number } {
  let missing = 0;
  const convert = (node: TreeNode<T>, underNa: boolean): ValidCriterion => {
    const { row } = node;
    const value = columnValue(cells.get(row.id), column);
    if (row.kind === "bonus" || row.kind === "penalty") {
      return { kind: row.kind, id: row.id, max: points(row.max), score: value.score ?? Rational.ZERO };
    }
    const na = !underNa && value.notApplicable;
    const children = node.children.map((child) => convert(child, underNa || na));
    const leaf = node.children.length === 0;
    if (leaf && !na && !underNa && value.score === null) missing++;
    return {
      kind: "scored",
      id: row.id,
      max: points(row.max),
      notApplicable: na,
      score: leaf && !na ? (value.score ?? Rational.ZERO) : null,
      children,
    };
  };
  return { criteria: roots.map((node) => convert(node, false)), missing };
}

export interface ComputedTotal {
  dto: AgencyTotal;
  score: Rational;
  level: ClassifiedLevel | null;
  flags: string[];
  /** The core result when the conditions were complete (null otherwise). */
  result: AgencyResult | null;
  /** Each criterion's points as core explains them (parents sum children; null when not applicable). */
  nodeScores: Map<string, Rational | null>;
}

function nodeScoresOf(criteria: readonly CriterionExplanation[]): Map<string, Rational | null> {
  const out = new Map<string, Rational | null>();
  const walk = (list: readonly CriterionExplanation[]) => {
    for (const c of list) {
      out.set(c.id, c.score);
      walk(c.children);
    }
  };
  walk(criteria);
  return out;
}

/**
 * One agency's total on one column: `computeAgency` with the framework's rules when every
 * condition the rules read is known; otherwise `scoreFramework` alone, level null and the flag
 * `conditions_missing` (never a guessed condition).
 */
export function computeTotal<T extends CriterionLike>(
  ruleSet: RuleSet,
  rules: AgencyRuleName,
  roots: readonly TreeNode<T>[],
  cells: ReadonlyMap<string, ScoreCell>,
  column: ScoreColumn,
  conditionsJson: ConditionsJson,
): ComputedTotal {
  const { criteria, missing } = validCriteria(roots, cells, column);
  const absent = missingConditions(rules, conditionsJson);
  const conditions = toConditions(rules, conditionsJson);
  const framework = scoreFramework(ruleSet, criteria);
  const base = {
    column,
    missingScores: missing,
    missingConditions: absent,
    ruleSetVersion: ruleSet.id,
  };
  if (!framework.ok) {
    return {
      dto: {
        ...base,
        score: 0,
        achieved: 0,
        bonus: 0,
        penalty: 0,
        notApplicableMax: ruleSet.settings.agency.totalMax.toNumber(),
        maxApplicable: 0,
        level: null,
        flags: ["nothing_applicable"],
        explanation: null,
      },
      score: Rational.ZERO,
      level: null,
      flags: ["nothing_applicable"],
      result: null,
      nodeScores: new Map(),
    };
  }
  const f = framework.value;
  let result: AgencyResult | null = null;
  if (conditions) {
    const computed =
      rules === "nd335"
        ? computeAgency(ruleSet, { rules, criteria, conditions: conditions as Nd335Conditions })
        : computeAgency(ruleSet, { rules, criteria, conditions: conditions as QuangNam2023Conditions });
    if (computed.ok) result = computed.value;
  }
  const flags: string[] = result ? [...result.flags] : ["conditions_missing"];
  const level = result ? result.level : null;
  return {
    dto: {
      ...base,
      score: f.score.toNumber(),
      achieved: f.achieved.toNumber(),
      bonus: f.bonus.toNumber(),
      penalty: f.penalty.toNumber(),
      notApplicableMax: f.notApplicableMax.toNumber(),
      maxApplicable: f.maxApplicable.toNumber(),
      level,
      flags,
      explanation: result ? toPlain(result.explanation) : toPlain(f),
    },
    score: f.score,
    level,
    flags,
    result,
    nodeScores: nodeScoresOf(f.criteria),
  };
}

/** Competition ranking by score, descending: equal scores share a rank (1, 2, 2, 4). */
export function competitionRanks(rows: readonly { id: string; score: Rational }[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const row of rows) ranks.set(row.id, rows.filter((other) => other.score.gt(row.score)).length + 1);
  return ranks;
}

export interface QuotaSettings {
  quotaRate: string;
  exceptionRate: string;
  exceptionGranted: boolean;
}

export const quotaRateOf = (fw: QuotaSettings): Rational =>
  points(fw.exceptionGranted ? fw.exceptionRate : fw.quotaRate);

/** The excellent cap over one framework group (Decree 335 Art. 8.5; rule 15), by core `applyQuota`. */
export function groupQuota(
  ruleSet: RuleSet,
  fw: QuotaSettings,
  people: readonly { id: string; score: Rational; level: Level }[],
  tieBreak: readonly string[] | null,
): Result<QuotaResult> {
  return applyQuota(ruleSet, {
    rate: quotaRateOf(fw),
    reading: ruleSet.settings.quota.reading,
    people,
    tieBreak,
  });
}

/* ───────── Loading a framework and a cycle ───────── */

export interface LoadedFramework {
  fw: frameworks.FrameworkView;
  criteria: frameworks.CriterionView[];
  roots: TreeNode<frameworks.CriterionView>[];
  agencies: frameworks.AgencyRef[];
}

export async function loadFramework(db: Db, id: string): Promise<LoadedFramework> {
  const fw = await frameworks.findFramework(db, id);
  if (!fw) throw notFound("framework", id);
  // One after the other: inside a transaction the connection runs one query at a time.
  const criteria = await frameworks.criteriaOf(db, id);
  const agencies = await frameworks.agenciesOf(db, id);
  return { fw, criteria, roots: buildTree(criteria), agencies };
}

export interface CycleContext {
  cycle: repo.CycleView;
  framework: LoadedFramework;
  ruleSet: RuleSet;
  rules: AgencyRuleName;
  /** Criteria in pre-order. */
  nodes: TreeNode<frameworks.CriterionView>[];
  assessments: repo.AssessmentView[];
  /** Score rows by assessment, then criterion. */
  cells: Map<string, Map<string, repo.ScoreView>>;
}

/**
 * Everything a cycle's computations read, in one go: the framework (criteria tree, rules), every
 * assessment and every score. A province's group is tens of agencies × tens of criteria.
 */
export async function loadCycle(db: Db, cycleId: string): Promise<CycleContext> {
  const cycle = await repo.findCycle(db, cycleId);
  if (!cycle) throw notFound("agency_cycle", cycleId);
  const framework = await loadFramework(db, cycle.frameworkId);
  const assessments = await repo.assessmentsOf(db, [cycleId]);
  const scores = await repo.scoresOf(
    db,
    assessments.map((a) => a.id),
  );
  const cells = new Map<string, Map<string, repo.ScoreView>>(assessments.map((a) => [a.id, new Map()]));
  for (const s of scores) cells.get(s.assessmentId)?.set(s.criterionId, s);
  const { ruleSet, rules } = frameworkRuleSet(framework.fw);
  return { cycle, framework, ruleSet, rules, nodes: preorder(framework.roots), assessments, cells };
}

export function requireAssessment(ctx: CycleContext, assessmentId: string): repo.AssessmentView {
  const found = ctx.assessments.find((a) => a.id === assessmentId);
  if (!found) throw notFound("agency_assessment", assessmentId);
  return found;
}

/** One agency's total on one column, by core. */
export function totalOf(ctx: CycleContext, assessment: repo.AssessmentRow, column: ScoreColumn): ComputedTotal {
  return computeTotal(
    ctx.ruleSet,
    ctx.rules,
    ctx.framework.roots,
    ctx.cells.get(assessment.id) ?? new Map(),
    column,
    (assessment.conditions ?? {}) as Record<string, unknown>,
  );
}

/** The cycle's steps in order; a write for a step that is not the current one is refused. */
export const stepOrder = ["self_assessment", "appraisal", "explanation", "council", "decision", "published"] as const;
export type Step = (typeof stepOrder)[number];

export const stepIndex = (step: string): number => stepOrder.indexOf(step as Step);

export function assertStep(cycle: { step: string }, ...allowed: Step[]): void {
  if (!allowed.includes(cycle.step as Step)) {
    throw new AppError("STEP_LOCKED", { step: cycle.step, allowed });
  }
}
