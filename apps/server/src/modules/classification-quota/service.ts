import type { QuotaView } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, forbidden, notFound } from "../../http/app-error.ts";
import { recordChange } from "../audit/service.ts";
import { assertHead, readsAgency } from "../classification/policy.ts";
import * as classificationRepo from "../classification/repo.ts";
import { assertStatus, boardOf, requireClassification } from "../classification/service.ts";
import * as repo from "./repo.ts";

/* The quota at the cut (Art. 20) and the head's order among those tied at it (Art. 20.5). */

export async function classificationQuota(deps: Deps, actor: Actor, id: string): Promise<QuotaView> {
  const view = await requireClassification(deps.db, id);
  if (!readsAgency(actor, view.agencyPath)) throw forbidden("out_of_scope");
  return (await boardOf(deps.db, view)).quota;
}

export async function recordTieBreak(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { scope: string; order: string[]; reason: string },
): Promise<QuotaView> {
  const view = await requireClassification(deps.db, id);
  assertHead(actor, view.agencyPath);
  assertStatus(view, ["open", "proposed"]);
  const board = await boardOf(deps.db, view);
  const computation =
    body.scope === "agency" ? board.quota.agency : board.quota.groups.find((g) => g.scope === body.scope);
  if (!computation) throw notFound("quota_group", body.scope);
  const tied = computation.tie?.personIds ?? [];
  const missing = tied.filter((p) => !body.order.includes(p));
  const unknown = body.order.filter((p) => !tied.includes(p));
  if (tied.length === 0 || missing.length > 0 || unknown.length > 0 || new Set(body.order).size !== body.order.length) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "order"], message: "Thứ tự phải gồm đúng những người bằng điểm tại ngưỡng tỷ lệ." }],
      tied,
      missing,
      unknown,
    });
  }
  await deps.db.transaction(async (tx) => {
    const row = {
      classificationId: id,
      scope: body.scope,
      order: body.order,
      reason: body.reason,
      decidedBy: actor.userId,
      decidedAt: deps.now(),
    };
    await repo.upsertTieBreak(tx, row);
    await classificationRepo.touchClassification(tx, id, {}, deps.now());
    await recordChange(tx, actor, {
      entity: "classification_tie_break",
      entityId: `${id}/${body.scope}`,
      unitPath: view.agencyPath,
      action: "update",
      after: { scope: body.scope, order: body.order },
      reason: body.reason,
    });
  });
  return (await boardOf(deps.db, await requireClassification(deps.db, id))).quota;
}
