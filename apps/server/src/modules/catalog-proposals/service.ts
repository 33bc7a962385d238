import type { ComplexityGroup, Proposal, ProposalStatus } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { assertCanEdit, assertCanReadApproved } from "../catalog/policy.ts";
import { decimal } from "../catalog/schema.ts";
import { invalid, requireAgency } from "../catalog/service.ts";
import { requireUnit } from "../org/service.ts";
import { findPerson } from "../people/repo.ts";
import { canSeeAllProposals } from "./policy.ts";
import * as repo from "./repo.ts";

const toProposalDto = (p: repo.ProposalView): Proposal => ({
  id: p.id,
  agencyId: p.agencyId,
  personId: p.personId,
  personName: p.personName,
  task: p.task,
  output: p.output,
  complexityGroup: p.complexityGroup as ComplexityGroup,
  points: decimal(p.points).toNumber(),
  reason: p.reason,
  status: p.status as ProposalStatus,
  decidedByName: p.decidedByName,
  decidedAt: p.decidedAt?.toISOString() ?? null,
  decisionNote: p.decisionNote,
  includedInCatalogId: p.includedInCatalogId,
  createdAt: p.createdAt.toISOString(),
  version: p.version,
});

export async function listProposals(
  deps: Deps,
  actor: Actor,
  query: { agencyId?: string; status?: ProposalStatus; mine?: boolean; page: number; pageSize: number },
) {
  let filter: repo.ProposalFilter = { agencyIds: null, proposedBy: actor.userId, status: query.status };
  if (query.agencyId && !query.mine) {
    const agency = await requireAgency(deps.db, query.agencyId);
    assertCanReadApproved(actor, agency.path);
    filter = canSeeAllProposals(actor, agency.path)
      ? { agencyIds: [agency.id], status: query.status }
      : { agencyIds: [agency.id], proposedBy: actor.userId, status: query.status };
  }
  const { rows, total } = await repo.listProposals(deps.db, filter, query);
  return { items: rows.map(toProposalDto), total, page: query.page, pageSize: query.pageSize };
}

export async function createProposal(
  deps: Deps,
  actor: Actor,
  input: {
    agencyId?: string;
    task: string;
    output: string;
    complexityGroup: ComplexityGroup;
    points: number;
    reason: string | null;
  },
): Promise<Proposal> {
  const person = actor.personId ? await findPerson(deps.db, actor.personId) : undefined;
  const agencyId = person?.person.agencyId ?? input.agencyId;
  if (!agencyId) throw invalid("agencyId", "Chọn cơ quan nhận đề xuất.");
  const agency = await requireAgency(deps.db, agencyId);
  if (!person) assertCanEdit(actor, agency.path);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id,
      agencyId: agency.id,
      personId: person?.person.id ?? null,
      proposedBy: actor.userId,
      task: input.task,
      output: input.output,
      complexityGroup: input.complexityGroup,
      points: String(input.points),
      reason: input.reason,
    };
    await repo.insertProposal(tx, row);
    await recordChange(tx, actor, {
      entity: "catalog_proposal",
      entityId: id,
      unitPath: person?.unitPath ?? agency.path,
      action: "create",
      after: { task: row.task, output: row.output, complexityGroup: row.complexityGroup, points: row.points },
    });
  });
  return toProposalDto((await repo.findProposal(deps.db, id))!);
}

export async function decideProposal(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; decision: "approved" | "refused"; note: string | null },
): Promise<Proposal> {
  await deps.db.transaction(async (tx) => {
    const current = await repo.findProposal(tx, id);
    if (!current) throw notFound("catalog_proposal", id);
    const agency = await requireUnit(tx, current.agencyId);
    assertCanEdit(actor, agency.path);
    if (current.status !== "pending")
      throw new AppError("VALIDATION_FAILED", {
        reason: "already_decided",
        issues: [{ path: [], message: "Đề xuất này đã được quyết định." }],
      });
    const updated = await repo.updateProposal(tx, id, input.version, {
      status: input.decision,
      decidedBy: actor.userId,
      decidedAt: deps.now(),
      decisionNote: input.note,
    });
    if (!updated) throw conflict(current.version);
    await recordChange(tx, actor, {
      entity: "catalog_proposal",
      entityId: id,
      unitPath: agency.path,
      action: input.decision === "approved" ? "approve" : "refuse",
      before: { status: current.status },
      after: { status: input.decision, note: input.note },
      reason: input.note,
    });
  });
  return toProposalDto((await repo.findProposal(deps.db, id))!);
}
