import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/** Who confirms a period evaluation (Art. 10, 17.2): a manager or head above the person. */
export const EVALUATOR_ROLES: readonly Role[] = ["manager", "head"];
export const EVALUATION_READERS: readonly Role[] = ["manager", "head", "hr"];

export interface EvaluatedPerson {
  id: string;
  unitPath: string;
  leaderRole: string;
}

/**
 * Art. 10: the head of a unit evaluates its deputies and staff; the head of a unit is evaluated
 * by the level above. So a grant over the unit evaluates everyone in it but its head, whose
 * evaluator holds a grant on a strict ancestor.
 */
export function grantEvaluates(grantPath: string, person: EvaluatedPerson): boolean {
  if (!person.unitPath.startsWith(grantPath)) return false;
  return person.leaderRole !== "head" || grantPath !== person.unitPath;
}

export function isEvaluator(actor: Actor, person: EvaluatedPerson): boolean {
  return (
    actor.personId !== person.id &&
    actor.grants.some((g) => EVALUATOR_ROLES.includes(g.role) && grantEvaluates(g.path, person))
  );
}

export function assertIsEvaluator(actor: Actor, person: EvaluatedPerson): void {
  if (!isEvaluator(actor, person)) throw forbidden("not_evaluator");
}

/** The head's confirmation step: a head over the person's agency, never their own. */
export function isAgencyHead(actor: Actor, agencyPath: string, personId: string): boolean {
  return actor.personId !== personId && covers(actor, ["head"], agencyPath);
}

export function assertIsAgencyHead(actor: Actor, agencyPath: string, personId: string): void {
  if (!isAgencyHead(actor, agencyPath, personId)) throw forbidden("not_agency_head");
}

export function canReadEvaluation(actor: Actor, person: EvaluatedPerson): boolean {
  return actor.personId === person.id || covers(actor, EVALUATION_READERS, person.unitPath);
}

export function assertCanReadEvaluation(actor: Actor, person: EvaluatedPerson): void {
  if (!canReadEvaluation(actor, person)) throw forbidden("out_of_scope");
}
