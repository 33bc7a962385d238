import type {
  CriterionKind,
  CustomRules,
  Framework,
  FrameworkCriterion,
  FrameworkRuleChoice,
  FrameworkStatus,
  FrameworkSummary,
} from "@thuocdo/contract";
import { agencyKinds, type OrgUnitKind } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import {
  buildTree,
  frameworkIssues,
  frameworkRuleSet,
  type LoadedFramework,
  loadFramework,
  points,
  preorder,
  type TreeNode,
} from "../agency/service.ts";
import { recordChange } from "../audit/service.ts";
import { requireUnit } from "../org/service.ts";
import { assertCanManage } from "./policy.ts";
import * as repo from "./repo.ts";

/**
 * Criteria frameworks (DESIGN §3 rules 13–14): a versioned tree per year and group of agencies,
 * managed by hr over the owner unit. A framework a cycle uses is locked; changes go to a new
 * version (a copy). Single-node edits may leave a parent's children unbalanced while the editor
 * works (the issues are listed with the framework and block starting a cycle); whole-tree saves
 * and imports refuse an unbalanced tree.
 */

const isLocked = (fw: { status: string; cycleCount: number }) => fw.status === "in_use" || fw.cycleCount > 0;

const num = (value: string) => points(value).toNumber();

function toCriterionDto(node: TreeNode<repo.CriterionView>): FrameworkCriterion {
  const c = node.row;
  return {
    id: c.id,
    frameworkId: c.frameworkId,
    parentId: c.parentId,
    code: c.code,
    name: c.name,
    guidance: c.guidance,
    max: num(c.max),
    kind: c.kind as CriterionKind,
    requiredEvidence: c.requiredEvidence,
    appraiserUnitId: c.appraiserUnitId,
    appraiserUnitName: c.appraiserUnitName,
    appraiserUnitCode: c.appraiserUnitCode,
    sortOrder: c.sortOrder,
    depth: node.depth,
    isLeaf: node.children.length === 0,
  };
}

function toSummary(fw: repo.FrameworkView, issueCount: number): FrameworkSummary {
  return {
    id: fw.id,
    year: fw.year,
    name: fw.name,
    groupName: fw.groupName,
    rules: fw.rules as FrameworkRuleChoice,
    status: fw.status as FrameworkStatus,
    versionNo: fw.versionNo,
    previousVersionId: fw.previousVersionId,
    isTemplate: fw.isTemplate,
    ownerUnitId: fw.ownerUnitId,
    ownerUnitName: fw.ownerUnitName,
    agencyCount: fw.agencyCount,
    criterionCount: fw.criterionCount,
    cycleCount: fw.cycleCount,
    issueCount,
    updatedAt: fw.updatedAt.toISOString(),
    version: fw.version,
  };
}

export function toFrameworkDto(loaded: LoadedFramework): Framework {
  const { fw, roots, agencies } = loaded;
  const { ruleSet } = frameworkRuleSet(fw);
  const issues = frameworkIssues(ruleSet, roots, fw.isTemplate ? null : agencies.length);
  const sumOf = (kind: string) => roots.filter((r) => r.row.kind === kind).reduce((sum, r) => sum + num(r.row.max), 0);
  return {
    ...toSummary(fw, issues.length),
    description: fw.description,
    customRules: (fw.customRules as CustomRules | null) ?? null,
    quotaRate: Number(fw.quotaRate),
    exceptionRate: Number(fw.exceptionRate),
    exceptionGranted: fw.exceptionGranted,
    exceptionReference: fw.exceptionReference,
    ruleSetVersion: ruleSet.id,
    agencies: agencies.map(({ id, code, name, kind }) => ({ id, code, name, kind })),
    criteria: preorder(roots).map(toCriterionDto),
    totals: { base: sumOf("scored"), bonusMax: sumOf("bonus"), penaltyMax: sumOf("penalty") },
    issues,
    locked: isLocked(fw),
  };
}

export async function frameworkDto(db: Db, id: string): Promise<Framework> {
  return toFrameworkDto(await loadFramework(db, id));
}

/* ───────── Reading ───────── */

export async function listFrameworks(
  deps: Deps,
  query: Omit<repo.FrameworkFilter, "template"> & { template?: "true" | "false" | undefined },
) {
  const { rows, total } = await repo.listFrameworks(deps.db, {
    ...query,
    template: query.template === undefined ? undefined : query.template === "true",
  });
  const items = await Promise.all(
    rows.map(async (fw) => {
      const { ruleSet } = frameworkRuleSet(fw);
      const roots = buildTree(await repo.criteriaOf(deps.db, fw.id));
      return toSummary(fw, frameworkIssues(ruleSet, roots, fw.isTemplate ? null : fw.agencyCount).length);
    }),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export const getFramework = (deps: Deps, id: string) => frameworkDto(deps.db, id);

/* ───────── Settings ───────── */

interface SettingsInput {
  name?: string | undefined;
  groupName?: string | undefined;
  description?: string | null | undefined;
  rules?: FrameworkRuleChoice | undefined;
  customRules?: CustomRules | null | undefined;
  quotaRate?: number | undefined;
  exceptionRate?: number | undefined;
  exceptionGranted?: boolean | undefined;
  exceptionReference?: string | null | undefined;
  year?: number | undefined;
}

/** Rates within the rule set's exception ceiling (Art. 8.5: 25%); custom rules need their numbers. */
function checkSettings(merged: {
  year: number;
  rules: string;
  customRules: unknown;
  quotaRate: number;
  exceptionRate: number;
}): void {
  const issues: { path: string[]; message: string }[] = [];
  if (merged.rules === "custom" && !merged.customRules) {
    issues.push({ path: ["customRules"], message: "Quy tắc tùy chỉnh cần chọn bộ quy tắc gốc." });
  }
  const { ruleSet } = frameworkRuleSet({ year: merged.year, rules: "nd335", customRules: null });
  const ceiling = ruleSet.settings.quota.exceptionRate.toNumber();
  if (merged.exceptionRate > ceiling) {
    issues.push({ path: ["exceptionRate"], message: `Tỷ lệ ngoại lệ không vượt quá ${ceiling * 100}%.` });
  }
  if (merged.quotaRate > merged.exceptionRate) {
    issues.push({ path: ["quotaRate"], message: "Tỷ lệ thông thường không lớn hơn tỷ lệ ngoại lệ." });
  }
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", { issues });
}

const settingsRow = (input: SettingsInput) => ({
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.groupName !== undefined ? { groupName: input.groupName } : {}),
  ...(input.description !== undefined ? { description: input.description } : {}),
  ...(input.rules !== undefined ? { rules: input.rules } : {}),
  ...(input.customRules !== undefined ? { customRules: input.customRules } : {}),
  ...(input.quotaRate !== undefined ? { quotaRate: String(input.quotaRate) } : {}),
  ...(input.exceptionRate !== undefined ? { exceptionRate: String(input.exceptionRate) } : {}),
  ...(input.exceptionGranted !== undefined ? { exceptionGranted: input.exceptionGranted } : {}),
  ...(input.exceptionReference !== undefined ? { exceptionReference: input.exceptionReference } : {}),
  ...(input.year !== undefined ? { year: input.year } : {}),
});

/** The widest unit in which the actor is hr: where a new framework belongs by default. */
function defaultOwner(actor: Actor): string {
  const hr = actor.grants.filter((g) => g.role === "hr").sort((a, b) => a.path.length - b.path.length)[0];
  if (!hr) throw new AppError("FORBIDDEN", { reason: "not_framework_manager" });
  return hr.orgUnitId;
}

/** Copies criteria under new ids (parents remapped), and the agencies, from one framework to another. */
async function copyContent(tx: Db, from: LoadedFramework, toId: string, withAgencies: boolean): Promise<void> {
  const ids = new Map(from.criteria.map((c) => [c.id, newId()]));
  await repo.insertCriteria(
    tx,
    from.criteria.map((c) => ({
      id: ids.get(c.id)!,
      frameworkId: toId,
      parentId: c.parentId ? (ids.get(c.parentId) ?? null) : null,
      code: c.code,
      name: c.name,
      guidance: c.guidance,
      max: c.max,
      kind: c.kind,
      requiredEvidence: c.requiredEvidence,
      appraiserUnitId: c.appraiserUnitId,
      sortOrder: c.sortOrder,
    })),
  );
  if (withAgencies) {
    await repo.replaceAgencies(
      tx,
      toId,
      from.agencies.map((a) => a.id),
    );
  }
}

export async function createFramework(
  deps: Deps,
  actor: Actor,
  body: SettingsInput & {
    year: number;
    name: string;
    groupName: string;
    rules: FrameworkRuleChoice;
    quotaRate: number;
    exceptionRate: number;
    exceptionGranted: boolean;
    copyFromId?: string | null | undefined;
    ownerUnitId?: string | null | undefined;
  },
): Promise<Framework> {
  const owner = await requireUnit(deps.db, body.ownerUnitId ?? defaultOwner(actor));
  assertCanManage(actor, owner.path);
  checkSettings({ ...body, customRules: body.customRules ?? null });
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const source = body.copyFromId ? await loadFramework(tx, body.copyFromId) : null;
    await repo.insertFramework(tx, {
      id,
      year: body.year,
      name: body.name,
      groupName: body.groupName,
      description: body.description ?? source?.fw.description ?? null,
      rules: body.rules,
      customRules: body.customRules ?? null,
      quotaRate: String(body.quotaRate),
      exceptionRate: String(body.exceptionRate),
      exceptionGranted: body.exceptionGranted,
      exceptionReference: body.exceptionReference ?? null,
      ownerUnitId: owner.id,
      createdBy: actor.userId,
    });
    // A template lists no agencies worth keeping: each group names its own.
    if (source) await copyContent(tx, source, id, !source.fw.isTemplate);
    await recordChange(tx, actor, {
      entity: "agency_framework",
      entityId: id,
      unitPath: owner.path,
      action: "create",
      after: {
        year: body.year,
        name: body.name,
        groupName: body.groupName,
        rules: body.rules,
        copyFrom: source?.fw.id,
      },
    });
  });
  return frameworkDto(deps.db, id);
}

/** Loads a framework for a change: the caller manages it, it is not in use, and (optionally) the version matches. */
export async function editable(tx: Db, actor: Actor, id: string, version?: number): Promise<LoadedFramework> {
  const locked = await repo.lockFramework(tx, id);
  if (!locked) throw notFound("framework", id);
  const loaded = await loadFramework(tx, id);
  const owner = await requireUnit(tx, loaded.fw.ownerUnitId);
  assertCanManage(actor, owner.path);
  if (isLocked(loaded.fw)) throw new AppError("FRAMEWORK_LOCKED", { frameworkId: id });
  if (version !== undefined && version !== loaded.fw.version) throw conflict(loaded.fw.version);
  return loaded;
}

export async function updateFramework(
  deps: Deps,
  actor: Actor,
  id: string,
  body: SettingsInput & { version: number },
): Promise<Framework> {
  await deps.db.transaction(async (tx) => {
    const { fw } = await editable(tx, actor, id, body.version);
    checkSettings({
      year: body.year ?? fw.year,
      rules: body.rules ?? fw.rules,
      customRules: body.customRules === undefined ? fw.customRules : body.customRules,
      quotaRate: body.quotaRate ?? Number(fw.quotaRate),
      exceptionRate: body.exceptionRate ?? Number(fw.exceptionRate),
    });
    const patch = settingsRow(body);
    const row = await repo.updateFramework(tx, id, body.version, patch, deps.now());
    if (!row) throw conflict(fw.version);
    await recordChange(tx, actor, {
      entity: "agency_framework",
      entityId: id,
      unitPath: null,
      action: "update",
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, fw[k as keyof typeof fw]])),
      after: patch,
    });
  });
  return frameworkDto(deps.db, id);
}

export async function deleteFramework(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { fw } = await editable(tx, actor, id);
    await repo.deleteFramework(tx, id);
    await recordChange(tx, actor, {
      entity: "agency_framework",
      entityId: id,
      unitPath: null,
      action: "delete",
      before: { name: fw.name, year: fw.year, versionNo: fw.versionNo },
    });
  });
}

/** A new draft version of a framework (in use or not): a copy that names its predecessor. */
export async function newVersion(deps: Deps, actor: Actor, id: string): Promise<Framework> {
  const source = await loadFramework(deps.db, id);
  const owner = await requireUnit(deps.db, source.fw.ownerUnitId);
  assertCanManage(actor, owner.path);
  const copyId = newId();
  await deps.db.transaction(async (tx) => {
    const root = source.fw.previousVersionId ?? source.fw.id;
    const { fw } = source;
    await repo.insertFramework(tx, {
      id: copyId,
      year: fw.year,
      name: fw.name,
      groupName: fw.groupName,
      description: fw.description,
      rules: fw.rules,
      customRules: fw.customRules,
      quotaRate: fw.quotaRate,
      exceptionRate: fw.exceptionRate,
      exceptionGranted: fw.exceptionGranted,
      exceptionReference: fw.exceptionReference,
      versionNo: Math.max(await repo.nextVersionNo(tx, root), fw.versionNo + 1),
      previousVersionId: fw.id,
      isTemplate: fw.isTemplate,
      ownerUnitId: fw.ownerUnitId,
      createdBy: actor.userId,
    });
    await copyContent(tx, source, copyId, true);
    await recordChange(tx, actor, {
      entity: "agency_framework",
      entityId: copyId,
      unitPath: owner.path,
      action: "new_version",
      after: { from: fw.id, versionNo: fw.versionNo + 1 },
    });
  });
  return frameworkDto(deps.db, copyId);
}

const AGENCY_KINDS = new Set<string>(agencyKinds.filter((k): k is OrgUnitKind => k !== "province"));

export async function setAgencies(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; agencyIds: string[] },
): Promise<Framework> {
  await deps.db.transaction(async (tx) => {
    const { fw, agencies } = await editable(tx, actor, id, body.version);
    const owner = await requireUnit(tx, fw.ownerUnitId);
    const ids = [...new Set(body.agencyIds)];
    const units = await repo.unitsByIdOrCode(tx, ids);
    const bad = ids.filter((unitId) => {
      const unit = units.find((u) => u.id === unitId);
      return !unit || !AGENCY_KINDS.has(unit.kind) || !unit.path.startsWith(owner.path);
    });
    if (bad.length > 0) {
      throw new AppError("VALIDATION_FAILED", {
        issues: bad.map((unitId) => ({ path: ["agencyIds"], message: `Không phải cơ quan thuộc phạm vi: ${unitId}` })),
      });
    }
    await repo.replaceAgencies(tx, id, ids);
    await repo.touchFramework(tx, id, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_framework",
      entityId: id,
      unitPath: owner.path,
      action: "set_agencies",
      before: agencies.map((a) => a.id),
      after: ids,
    });
  });
  return frameworkDto(deps.db, id);
}
