import { type AppraisalRow, foldVietnamese } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { forbidden, notFound } from "../../http/app-error.ts";
import * as repo from "../agency/repo.ts";
import { columnValue, loadCycle } from "../agency/service.ts";
import { seesAll, standingOf } from "../agency-assessment/policy.ts";
import { criterionDto, extrasOf, loadForActor } from "../agency-assessment/service.ts";

/**
 * Read-only views across the cycle's assessments: the appraisers' work list and progress, and
 * the files attached to an assessment, each shown only to those who may see the part it serves.
 */

const isDone = (cell: repo.ScoreView | undefined) => Boolean(cell?.appraisedAt);

/** What an appraiser has to score: its criteria × every agency of the cycle. */
export async function appraisalRows(
  deps: Deps,
  actor: Actor,
  cycleId: string,
  query: {
    agencyId?: string | undefined;
    appraiserUnitId?: string | undefined;
    state?: "pending" | "done" | undefined;
    q?: string | undefined;
    sort?: "agencyName" | "code" | undefined;
    order?: "asc" | "desc" | undefined;
    page: number;
    pageSize: number;
  },
) {
  const ctx = await loadCycle(deps.db, cycleId);
  // The criteria one may appraise do not depend on the agency appraised.
  const standing = standingOf(actor, ctx, ctx.cycle.ownerPath, []);
  if (standing.appraisable.size === 0) throw forbidden("no_criteria_assigned");
  const rows: AppraisalRow[] = [];
  const folded = query.q ? foldVietnamese(query.q) : null;
  for (const a of ctx.assessments) {
    if (query.agencyId && a.agencyId !== query.agencyId) continue;
    const extras = await extrasOf(deps.db, a.id);
    const cells = ctx.cells.get(a.id) ?? new Map();
    for (const node of ctx.nodes) {
      if (!standing.appraisable.has(node.row.id)) continue;
      if (query.appraiserUnitId && node.row.appraiserUnitId !== query.appraiserUnitId) continue;
      const cell = cells.get(node.row.id);
      if (query.state === "done" && !isDone(cell)) continue;
      if (query.state === "pending" && isDone(cell)) continue;
      if (folded && !foldVietnamese(`${a.agencyName} ${node.row.code} ${node.row.name}`).includes(folded)) continue;
      rows.push({
        assessmentId: a.id,
        agencyId: a.agencyId,
        agencyName: a.agencyName,
        criterion: criterionDto(node, cell, extras),
      });
    }
  }
  const dir = query.order === "desc" ? -1 : 1;
  if (query.sort === "code") {
    const order = new Map(ctx.nodes.map((n, i) => [n.row.id, i]));
    rows.sort((x, y) => (order.get(x.criterion.criterionId)! - order.get(y.criterion.criterionId)!) * dir);
  } else if (query.sort === "agencyName") {
    rows.sort((x, y) => x.agencyName.localeCompare(y.agencyName, "vi") * dir);
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Per appraiser agency: criteria, expected scores (criteria × agencies, N/A left out), done. */
export async function appraisalProgress(deps: Deps, actor: Actor, cycleId: string) {
  const ctx = await loadCycle(deps.db, cycleId);
  const own = standingOf(actor, ctx, ctx.cycle.ownerPath, await repo.cyclesOfMember(deps.db, actor.userId));
  if (!own.manager && !own.member && own.appraisable.size === 0) throw forbidden("out_of_scope");
  const groups = new Map<string | null, { name: string | null; criteria: number; expected: number; done: number }>();
  const scoredLeaves = ctx.nodes.filter(
    (n) =>
      (n.children.length === 0 || n.row.kind !== "scored") &&
      (own.manager || own.member || own.appraisable.has(n.row.id)),
  );
  for (const node of scoredLeaves) {
    const key = node.row.appraiserUnitId;
    const group = groups.get(key) ?? { name: node.row.appraiserUnitName, criteria: 0, expected: 0, done: 0 };
    group.criteria++;
    for (const a of ctx.assessments) {
      const cell = ctx.cells.get(a.id)?.get(node.row.id);
      if (columnValue(cell, "self").notApplicable && !cell?.appraisedAt) continue;
      group.expected++;
      if (isDone(cell)) group.done++;
    }
    groups.set(key, group);
  }
  return [...groups.entries()].map(([id, g]) => ({
    appraiserUnitId: id,
    appraiserUnitName: g.name,
    criteria: g.criteria,
    expected: g.expected,
    done: g.done,
  }));
}

/* ───────── Files ───────── */

/** Reads a file attached to the assessment, for whoever may see the part it is attached to. */
export async function readAssessmentFile(deps: Deps, actor: Actor, id: string, fileId: string) {
  const { standing } = await loadForActor(deps.db, actor, id);
  const [dossier, criterionFiles] = await Promise.all([
    repo.dossierOf(deps.db, id),
    repo.criterionFilesOf(deps.db, id),
  ]);
  const inDossier = dossier.find((d) => d.file.id === fileId);
  const onCriterion = criterionFiles.find(
    (f) => f.file.id === fileId && (seesAll(standing) || standing.appraisable.has(f.criterionId)),
  );
  const file = inDossier?.file ?? onCriterion?.file;
  if (!file) throw notFound("file", fileId);
  return { row: file, content: deps.files.get(file.sha256) };
}
