import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";
import { assertCanReadEvaluation, type EvaluatedPerson } from "../evaluation/policy.ts";

/** Who may download a unit's summary: its managers, and the head and hr of the agency above it. */
export const SUMMARY_READERS: readonly Role[] = ["manager", "head", "hr"];

/**
 * Mẫu 01 is the evaluation itself on paper, so whoever may read the evaluation may print it:
 * the person, their manager in scope, the head and hr of the agency.
 */
export const assertCanPrintMau01 = (actor: Actor, person: EvaluatedPerson): void =>
  assertCanReadEvaluation(actor, person);

export function assertCanReadSummary(actor: Actor, unitPath: string): void {
  if (!covers(actor, SUMMARY_READERS, unitPath)) throw forbidden("out_of_scope");
}
