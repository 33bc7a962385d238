import type {
  CriterionKind,
  CriterionTreeNode,
  CustomRules,
  Framework,
  FrameworkCriterion,
  FrameworkRuleChoice,
  FrameworkStatus,
  FrameworkSummary,
  ImportRowIssue,
} from "@thuocdo/contract";
import { agencyKinds, criterionKinds, type OrgUnitKind } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { readSheet } from "../../lib/xlsx.ts";
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

async function frameworkDto(db: Db, id: string): Promise<Framework> {
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
async function editable(tx: Db, actor: Actor, id: string, version?: number): Promise<LoadedFramework> {
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

/* ───────── Criteria, one node at a time ───────── */

interface CriterionInput {
  code?: string | undefined;
  name?: string | undefined;
  guidance?: string | null | undefined;
  max?: number | undefined;
  kind?: CriterionKind | undefined;
  requiredEvidence?: string | null | undefined;
  appraiserUnitId?: string | null | undefined;
}

async function checkAppraiser(tx: Db, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  const [unit] = await repo.unitsByIdOrCode(tx, [unitId]);
  if (!unit || unit.id !== unitId || (unit.kind !== "department" && unit.kind !== "province")) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["appraiserUnitId"], message: "Cơ quan thẩm định phải là một sở, ngành hoặc UBND tỉnh." }],
    });
  }
}

function refuseCodeTaken(criteria: repo.CriterionView[], code: string, exceptId?: string): void {
  const folded = code.toLocaleLowerCase("vi");
  if (criteria.some((c) => c.id !== exceptId && c.code.toLocaleLowerCase("vi") === folded)) {
    throw new AppError("DUPLICATE", { field: "code", code });
  }
}

/** Bonus and penalty criteria stay at the top level, without children (rule 13). */
function refuseBadPlacement(kind: string, parent: repo.CriterionView | null, hasChildren: boolean): void {
  const issues: { path: string[]; message: string }[] = [];
  if (kind !== "scored" && parent) issues.push({ path: ["kind"], message: "Điểm cộng, điểm trừ chỉ ở cấp cao nhất." });
  if (kind !== "scored" && hasChildren) {
    issues.push({ path: ["kind"], message: "Tiêu chí điểm cộng, điểm trừ không có tiêu chí con." });
  }
  if (parent && parent.kind !== "scored") {
    issues.push({ path: ["parentId"], message: "Không thêm tiêu chí con vào điểm cộng, điểm trừ." });
  }
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", { issues });
}

/** Sibling order after placing `id` at `position` under `parentId` (0-based, clamped). */
async function reorderSiblings(
  tx: Db,
  criteria: repo.CriterionView[],
  parentId: string | null,
  id: string,
  position: number,
): Promise<void> {
  const siblings = buildTree(criteria.filter((c) => c.id !== id && c.parentId === parentId))
    .map((n) => n.row.id)
    .filter((sid) => criteria.find((c) => c.id === sid)?.parentId === parentId);
  siblings.splice(Math.min(Math.max(position, 0), siblings.length), 0, id);
  for (const [index, sid] of siblings.entries()) await repo.updateCriterion(tx, sid, { sortOrder: index });
}

const criterionAudit = (c: Partial<repo.CriterionRow>) => ({
  code: c.code,
  name: c.name,
  max: c.max,
  kind: c.kind,
  parentId: c.parentId,
  appraiserUnitId: c.appraiserUnitId,
  sortOrder: c.sortOrder,
});

export async function createCriterion(
  deps: Deps,
  actor: Actor,
  frameworkId: string,
  body: CriterionInput & {
    code: string;
    name: string;
    max: number;
    kind: CriterionKind;
    parentId?: string | null | undefined;
    position?: number | undefined;
  },
): Promise<Framework> {
  await deps.db.transaction(async (tx) => {
    const { criteria } = await editable(tx, actor, frameworkId);
    const parent = body.parentId ? criteria.find((c) => c.id === body.parentId) : null;
    if (body.parentId && !parent) throw notFound("criterion", body.parentId);
    refuseCodeTaken(criteria, body.code);
    refuseBadPlacement(body.kind, parent ?? null, false);
    await checkAppraiser(tx, body.appraiserUnitId);
    const id = newId();
    const row = {
      id,
      frameworkId,
      parentId: parent?.id ?? null,
      code: body.code,
      name: body.name,
      guidance: body.guidance ?? null,
      max: String(body.max),
      kind: body.kind,
      requiredEvidence: body.requiredEvidence ?? null,
      appraiserUnitId: body.appraiserUnitId ?? null,
      sortOrder: 0,
    };
    await repo.insertCriteria(tx, [row]);
    await reorderSiblings(
      tx,
      [...criteria, { ...row, appraiserUnitName: null, appraiserUnitCode: null, appraiserUnitPath: null }],
      row.parentId,
      id,
      body.position ?? Number.MAX_SAFE_INTEGER,
    );
    await repo.touchFramework(tx, frameworkId, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_criterion",
      entityId: id,
      unitPath: null,
      action: "create",
      after: criterionAudit(row),
    });
  });
  return frameworkDto(deps.db, frameworkId);
}

async function criterionForEdit(tx: Db, actor: Actor, id: string) {
  const criterion = await repo.findCriterion(tx, id);
  if (!criterion) throw notFound("criterion", id);
  const loaded = await editable(tx, actor, criterion.frameworkId);
  return { criterion, ...loaded };
}

export async function updateCriterion(deps: Deps, actor: Actor, id: string, body: CriterionInput): Promise<Framework> {
  let frameworkId = "";
  await deps.db.transaction(async (tx) => {
    const { criterion, criteria } = await criterionForEdit(tx, actor, id);
    frameworkId = criterion.frameworkId;
    if (body.code !== undefined) refuseCodeTaken(criteria, body.code, id);
    const parent = criterion.parentId ? (criteria.find((c) => c.id === criterion.parentId) ?? null) : null;
    refuseBadPlacement(
      body.kind ?? criterion.kind,
      parent,
      criteria.some((c) => c.parentId === id),
    );
    if (body.appraiserUnitId !== undefined) await checkAppraiser(tx, body.appraiserUnitId);
    const patch = {
      ...(body.code !== undefined ? { code: body.code } : {}),
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.guidance !== undefined ? { guidance: body.guidance } : {}),
      ...(body.max !== undefined ? { max: String(body.max) } : {}),
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.requiredEvidence !== undefined ? { requiredEvidence: body.requiredEvidence } : {}),
      ...(body.appraiserUnitId !== undefined ? { appraiserUnitId: body.appraiserUnitId } : {}),
    };
    await repo.updateCriterion(tx, id, patch);
    await repo.touchFramework(tx, frameworkId, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_criterion",
      entityId: id,
      unitPath: null,
      action: "update",
      before: criterionAudit(criterion),
      after: patch,
    });
  });
  return frameworkDto(deps.db, frameworkId);
}

export async function deleteCriterion(deps: Deps, actor: Actor, id: string): Promise<Framework> {
  let frameworkId = "";
  await deps.db.transaction(async (tx) => {
    const { criterion, roots } = await criterionForEdit(tx, actor, id);
    frameworkId = criterion.frameworkId;
    const node = preorder(roots).find((n) => n.row.id === id)!;
    const ids = preorder([node]).map((n) => n.row.id);
    await repo.deleteCriteria(tx, ids.reverse());
    await repo.touchFramework(tx, frameworkId, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_criterion",
      entityId: id,
      unitPath: null,
      action: "delete",
      before: { ...criterionAudit(criterion), descendants: ids.length - 1 },
    });
  });
  return frameworkDto(deps.db, frameworkId);
}

export async function moveCriterion(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { parentId: string | null; position: number },
): Promise<Framework> {
  let frameworkId = "";
  await deps.db.transaction(async (tx) => {
    const { criterion, criteria, roots } = await criterionForEdit(tx, actor, id);
    frameworkId = criterion.frameworkId;
    const parent = body.parentId ? criteria.find((c) => c.id === body.parentId) : null;
    if (body.parentId && !parent) throw notFound("criterion", body.parentId);
    const subtree = preorder([preorder(roots).find((n) => n.row.id === id)!]).map((n) => n.row.id);
    if (body.parentId && subtree.includes(body.parentId)) {
      throw new AppError("VALIDATION_FAILED", {
        issues: [{ path: ["parentId"], message: "Không chuyển tiêu chí vào chính nó hoặc tiêu chí con của nó." }],
      });
    }
    refuseBadPlacement(criterion.kind, parent ?? null, subtree.length > 1);
    await repo.updateCriterion(tx, id, { parentId: body.parentId });
    const moved = criteria.map((c) => (c.id === id ? { ...c, parentId: body.parentId } : c));
    await reorderSiblings(tx, moved, body.parentId, id, body.position);
    await repo.touchFramework(tx, frameworkId, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_criterion",
      entityId: id,
      unitPath: null,
      action: "move",
      before: { parentId: criterion.parentId, sortOrder: criterion.sortOrder },
      after: body,
    });
  });
  return frameworkDto(deps.db, frameworkId);
}

/* ───────── The whole tree: editor save and XLSX import ───────── */

/** Rows of a tree, with ids, in pre-order. */
function flattenTree(frameworkId: string, nodes: CriterionTreeNode[]): repo.NewCriterion[] {
  const rows: repo.NewCriterion[] = [];
  const walk = (list: CriterionTreeNode[], parentId: string | null) => {
    list.forEach((node, index) => {
      const id = newId();
      rows.push({
        id,
        frameworkId,
        parentId,
        code: node.code,
        name: node.name,
        guidance: node.guidance ?? null,
        max: String(node.max),
        kind: node.kind,
        requiredEvidence: node.requiredEvidence ?? null,
        appraiserUnitId: node.appraiserUnitId ?? null,
        sortOrder: index,
      });
      walk(node.children, id);
    });
  };
  walk(nodes, null);
  return rows;
}

/** Replaces the tree after the strict check; anything wrong and nothing is written. */
async function replaceTree(
  tx: Db,
  deps: Deps,
  actor: Actor,
  loaded: LoadedFramework,
  tree: CriterionTreeNode[],
  action: string,
) {
  const { fw } = loaded;
  const rows = flattenTree(fw.id, tree);
  const asViews = rows.map((r) => ({
    ...r,
    sortOrder: r.sortOrder ?? 0,
    kind: r.kind ?? "scored",
    parentId: r.parentId ?? null,
  }));
  const { ruleSet } = frameworkRuleSet(fw);
  const issues = frameworkIssues(ruleSet, buildTree(asViews), null);
  if (issues.length > 0) throw new AppError("FRAMEWORK_INVALID", { issues });
  const appraisers = [...new Set(rows.flatMap((r) => (r.appraiserUnitId ? [r.appraiserUnitId] : [])))];
  for (const unitId of appraisers) await checkAppraiser(tx, unitId);
  await repo.deleteAllCriteria(tx, fw.id);
  await repo.insertCriteria(tx, rows);
  await repo.touchFramework(tx, fw.id, deps.now());
  await recordChange(tx, actor, {
    entity: "agency_framework",
    entityId: fw.id,
    unitPath: null,
    action,
    before: { criteria: loaded.criteria.length },
    after: { criteria: rows.length, codes: rows.map((r) => r.code) },
  });
}

export async function replaceCriteria(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { version: number; criteria: CriterionTreeNode[] },
): Promise<Framework> {
  await deps.db.transaction(async (tx) => {
    const loaded = await editable(tx, actor, id, body.version);
    await replaceTree(tx, deps, actor, loaded, body.criteria, "replace_criteria");
  });
  return frameworkDto(deps.db, id);
}

/** XLSX columns, in order; the export writes them and the import reads them back. */
export const criterionColumns = {
  code: "Mã tiêu chí",
  parentCode: "Mã tiêu chí cha",
  name: "Tên tiêu chí",
  guidance: "Hướng dẫn chấm điểm",
  max: "Điểm tối đa",
  kind: "Loại",
  requiredEvidence: "Tài liệu minh chứng",
  appraiser: "Mã cơ quan thẩm định",
} as const;

export const kindLabels: Record<CriterionKind, string> = {
  scored: "Chấm điểm",
  bonus: "Điểm cộng",
  penalty: "Điểm trừ",
};

const kindOf = (text: string): CriterionKind | null => {
  const folded = text.trim().toLocaleLowerCase("vi");
  if (folded === "") return "scored";
  for (const kind of criterionKinds) {
    if (folded === kind || folded === kindLabels[kind].toLocaleLowerCase("vi")) return kind;
  }
  return null;
};

/** Reads an XLSX tree (one row per criterion, parents by code) and replaces the framework's tree. */
export async function importCriteria(deps: Deps, actor: Actor, id: string, file: Buffer): Promise<Framework> {
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(file);
  } catch {
    throw new AppError("FILE_INVALID", { reason: "not_xlsx" });
  }
  const c = criterionColumns;
  const missing = [c.code, c.name, c.max].filter((h) => !sheet.headers.includes(h));
  if (missing.length > 0) throw new AppError("FILE_INVALID", { reason: "missing_columns", columns: missing });
  await deps.db.transaction(async (tx) => {
    const loaded = await editable(tx, actor, id);
    const issues: ImportRowIssue[] = [];
    const codes = [...new Set(sheet.rows.map((r) => r.cells[c.appraiser] ?? "").filter(Boolean))];
    const units = await repo.unitsByIdOrCode(tx, codes);
    const nodes = new Map<string, CriterionTreeNode & { parentCode: string; row: number }>();
    for (const { row, cells } of sheet.rows) {
      const code = cells[c.code] ?? "";
      const name = cells[c.name] ?? "";
      const max = Number((cells[c.max] ?? "").replace(",", "."));
      const kind = kindOf(cells[c.kind] ?? "");
      const appraiserKey = cells[c.appraiser] ?? "";
      const appraiser = appraiserKey ? units.find((u) => u.code === appraiserKey || u.id === appraiserKey) : null;
      if (!code) issues.push({ row, column: c.code, message: "Thiếu mã tiêu chí." });
      else if (nodes.has(code.toLocaleLowerCase("vi")))
        issues.push({ row, column: c.code, message: `Trùng mã ${code}.` });
      if (!name) issues.push({ row, column: c.name, message: "Thiếu tên tiêu chí." });
      if (!Number.isFinite(max) || max < 0 || max > 100 || Math.round(max * 100) !== max * 100) {
        issues.push({ row, column: c.max, message: "Điểm tối đa là số từ 0 đến 100, tối đa 2 chữ số thập phân." });
      }
      if (!kind) issues.push({ row, column: c.kind, message: "Loại là Chấm điểm, Điểm cộng hoặc Điểm trừ." });
      if (appraiserKey && !appraiser) {
        issues.push({ row, column: c.appraiser, message: `Không tìm thấy cơ quan có mã ${appraiserKey}.` });
      }
      if (code) {
        nodes.set(code.toLocaleLowerCase("vi"), {
          code,
          name,
          guidance: cells[c.guidance] || null,
          max,
          kind: kind ?? "scored",
          requiredEvidence: cells[c.requiredEvidence] || null,
          appraiserUnitId: appraiser?.id ?? null,
          children: [],
          parentCode: (cells[c.parentCode] ?? "").toLocaleLowerCase("vi"),
          row,
        });
      }
    }
    const roots: CriterionTreeNode[] = [];
    for (const node of nodes.values()) {
      if (!node.parentCode) roots.push(node);
      else if (nodes.has(node.parentCode)) nodes.get(node.parentCode)!.children.push(node);
      else
        issues.push({ row: node.row, column: c.parentCode, message: `Không có tiêu chí cha mã ${node.parentCode}.` });
    }
    const reached = (list: CriterionTreeNode[]): number => list.reduce((n, x) => n + 1 + reached(x.children), 0);
    if (issues.length === 0 && reached(roots) < nodes.size) {
      issues.push({ row: 2, column: c.parentCode, message: "Mã tiêu chí cha tạo thành vòng lặp." });
    }
    if (sheet.rows.length === 0) issues.push({ row: 2, column: null, message: "Tệp không có tiêu chí nào." });
    if (issues.length > 0) throw new AppError("IMPORT_INVALID", { rows: issues });
    await replaceTree(tx, deps, actor, loaded, roots, "import");
  });
  return frameworkDto(deps.db, id);
}
