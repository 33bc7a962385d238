import type { Cycle, CycleDeadlines } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import * as repo from "../agency/repo.ts";
import { frameworkIssues, frameworkRuleSet, loadFramework, stepIndex, stepOrder } from "../agency/service.ts";
import { deadlinesOf } from "../agency-assessment/service.ts";
import { assertCanManage } from "../agency-cycle/policy.ts";
import { deadlineOfStep, defaultDeadlines, getCycle } from "../agency-cycle/service.ts";
import { recordChange } from "../audit/service.ts";
import { requireUnit } from "../org/service.ts";

/** Opening a cycle locks its framework and gives each agency its dossier; deadlines move until their step closes. */

function checkDeadlines(d: CycleDeadlines): void {
  const list = [d.selfAssessment, d.appraisal, d.explanation, d.council];
  if (list.some((day, i) => i > 0 && day < list[i - 1]!)) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["deadlines"], message: "Các thời hạn phải theo thứ tự các bước." }],
    });
  }
}

export async function createCycle(
  deps: Deps,
  actor: Actor,
  body: {
    frameworkId: string;
    name: string | null;
    deadlines?: Partial<CycleDeadlines> | undefined;
    quorum?: number | null | undefined;
  },
): Promise<Cycle> {
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const framework = await loadFramework(tx, body.frameworkId);
    const { fw } = framework;
    const owner = await requireUnit(tx, fw.ownerUnitId);
    assertCanManage(actor, owner.path);
    if (fw.isTemplate) {
      throw new AppError("VALIDATION_FAILED", {
        issues: [{ path: ["frameworkId"], message: "Bộ tiêu chí mẫu chỉ để sao chép; hãy tạo bộ tiêu chí từ mẫu." }],
      });
    }
    const { ruleSet } = frameworkRuleSet(fw);
    const issues = frameworkIssues(ruleSet, framework.roots, framework.agencies.length);
    if (issues.length > 0) throw new AppError("FRAMEWORK_INVALID", { issues });
    const deadlines = { ...defaultDeadlines(fw.year), ...body.deadlines };
    checkDeadlines(deadlines);
    await repo.insertCycle(tx, {
      id,
      frameworkId: fw.id,
      year: fw.year,
      name: body.name ?? `Đánh giá, xếp loại ${fw.groupName} năm ${fw.year}`,
      selfAssessmentDue: deadlines.selfAssessment,
      appraisalDue: deadlines.appraisal,
      explanationDue: deadlines.explanation,
      councilDue: deadlines.council,
      quorum: body.quorum ?? null,
      ruleSetVersion: ruleSet.id,
      ownerUnitId: owner.id,
      createdBy: actor.userId,
    });
    await repo.insertAssessments(
      tx,
      framework.agencies.map((a) => ({ id: newId(), cycleId: id, agencyId: a.id })),
    );
    await repo.markFrameworkInUse(tx, fw.id);
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: id,
      unitPath: owner.path,
      action: "create",
      after: { frameworkId: fw.id, deadlines, agencies: framework.agencies.length, ruleSetVersion: ruleSet.id },
    });
  });
  return getCycle(deps, actor, id);
}

export async function updateCycle(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    version: number;
    name?: string | undefined;
    deadlines?: Partial<CycleDeadlines> | undefined;
    quorum?: number | null | undefined;
  },
): Promise<Cycle> {
  await deps.db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, id);
    const view = await repo.findCycle(tx, id);
    if (!cycle || !view) throw notFound("agency_cycle", id);
    assertCanManage(actor, view.ownerPath);
    if (cycle.version !== body.version) throw conflict(cycle.version);
    const current = deadlinesOf(cycle);
    const next = { ...current, ...body.deadlines };
    checkDeadlines(next);
    // A closed step's deadline is history: it cannot move.
    for (const step of stepOrder.slice(0, stepIndex(cycle.step))) {
      const key = deadlineOfStep[step];
      if (key && next[key] !== current[key]) throw new AppError("STEP_LOCKED", { step, deadline: key });
    }
    if (body.quorum !== undefined && stepIndex(cycle.step) > stepIndex("council")) {
      throw new AppError("STEP_LOCKED", { step: cycle.step, field: "quorum" });
    }
    const patch = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      selfAssessmentDue: next.selfAssessment,
      appraisalDue: next.appraisal,
      explanationDue: next.explanation,
      councilDue: next.council,
      ...(body.quorum !== undefined ? { quorum: body.quorum } : {}),
    };
    await repo.updateCycle(tx, id, body.version, patch, deps.now());
    await recordChange(tx, actor, {
      entity: "agency_cycle",
      entityId: id,
      unitPath: view.ownerPath,
      action: "update",
      before: { name: cycle.name, deadlines: current, quorum: cycle.quorum },
      after: patch,
    });
  });
  return getCycle(deps, actor, id);
}
