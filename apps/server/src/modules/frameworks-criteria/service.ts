import type { CriterionKind, CriterionTreeNode, Framework } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { buildTree, frameworkIssues, frameworkRuleSet, type LoadedFramework, preorder } from "../agency/service.ts";
import { recordChange } from "../audit/service.ts";
import * as frameworks from "../frameworks/repo.ts";
import { editable, frameworkDto } from "../frameworks/service.ts";
import * as repo from "./repo.ts";

/**
 * Editing a framework's criteria tree (DESIGN §3 rule 13): one node at a time, where a parent's
 * children may stay unbalanced while the editor works, or the whole tree at once, which the strict
 * check guards.
 */

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
  const [unit] = await frameworks.unitsByIdOrCode(tx, [unitId]);
  if (!unit || unit.id !== unitId || (unit.kind !== "department" && unit.kind !== "province")) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["appraiserUnitId"], message: "Cơ quan thẩm định phải là một sở, ngành hoặc UBND tỉnh." }],
    });
  }
}

function refuseCodeTaken(criteria: frameworks.CriterionView[], code: string, exceptId?: string): void {
  const folded = code.toLocaleLowerCase("vi");
  if (criteria.some((c) => c.id !== exceptId && c.code.toLocaleLowerCase("vi") === folded)) {
    throw new AppError("DUPLICATE", { field: "code", code });
  }
}

/** Bonus and penalty criteria stay at the top level, without children (rule 13). */
function refuseBadPlacement(kind: string, parent: frameworks.CriterionView | null, hasChildren: boolean): void {
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
  criteria: frameworks.CriterionView[],
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

const criterionAudit = (c: Partial<frameworks.CriterionRow>) => ({
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
    await frameworks.insertCriteria(tx, [row]);
    await reorderSiblings(
      tx,
      [...criteria, { ...row, appraiserUnitName: null, appraiserUnitCode: null, appraiserUnitPath: null }],
      row.parentId,
      id,
      body.position ?? Number.MAX_SAFE_INTEGER,
    );
    await frameworks.touchFramework(tx, frameworkId, deps.now());
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
    await frameworks.touchFramework(tx, frameworkId, deps.now());
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
    await frameworks.touchFramework(tx, frameworkId, deps.now());
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
    await frameworks.touchFramework(tx, frameworkId, deps.now());
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

/* ───────── The whole tree: editor save (and the XLSX import) ───────── */

/** Rows of a tree, with ids, in pre-order. */
function flattenTree(frameworkId: string, nodes: CriterionTreeNode[]): frameworks.NewCriterion[] {
  const rows: frameworks.NewCriterion[] = [];
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
export async function replaceTree(
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
  await frameworks.insertCriteria(tx, rows);
  await frameworks.touchFramework(tx, fw.id, deps.now());
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
