import type { PersonYear, PublicClassification } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { forbidden, notFound } from "../../http/app-error.ts";
import * as classificationRepo from "../classification/repo.ts";
import { getPersonYear, personYearDto } from "../classification-entries/service.ts";
import { requireUnit } from "../org/service.ts";
import { requirePerson } from "../records/service.ts";
import { computeBoard } from "../yearboard/service.ts";
import * as repo from "./repo.ts";

/* The year read outside the back office: a staff member's own year and the public page. */

/* ── The staff member's own year ── */

export async function myYear(deps: Deps, actor: Actor, year: number): Promise<PersonYear> {
  if (!actor.personId) throw forbidden("no_person");
  const person = await requirePerson(deps.db, actor.personId);
  const view = (await classificationRepo.findByAgencyYear(deps.db, person.person.agencyId, year)) ?? null;
  if (view) return getPersonYear(deps, actor, view.classification.id, actor.personId);
  const agency = await requireUnit(deps.db, person.person.agencyId);
  const board = await computeBoard(deps.db, {
    agencyId: agency.id,
    agencyName: agency.name,
    agencyPath: agency.path,
    year,
    classification: null,
  });
  const row = board.rows.find((r) => r.personId === actor.personId);
  if (!row) throw notFound("person", actor.personId);
  return personYearDto(deps, { view: null, board, row, entry: null });
}

/* ── Public page (no login) ── */

export async function publicClassifications(deps: Deps, year?: number) {
  const rows = await repo.publishedDecisions(deps.db, { year });
  return rows.map((r) => ({
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    year: r.year,
    publishedAt: r.decision.publishedAt!.toISOString(),
  }));
}

export async function publicClassification(deps: Deps, agencyId: string, year: number): Promise<PublicClassification> {
  const [found] = await repo.publishedDecisions(deps.db, { year, agencyId });
  if (!found) throw notFound("classification", `${agencyId}/${year}`);
  const results = await classificationRepo.resultsOf(deps.db, [found.decision.id]);
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.level] = (counts[r.level] ?? 0) + 1;
  return {
    agencyId,
    agencyName: found.agencyName,
    year,
    decisionNumber: found.decision.number,
    decisionDate: found.decision.date,
    publishedAt: found.decision.publishedAt!.toISOString(),
    counts: counts as PublicClassification["counts"],
    rows: results.map((r) => ({ fullName: r.fullName, unitName: r.unitName, title: r.title, level: r.level as Level })),
  };
}
