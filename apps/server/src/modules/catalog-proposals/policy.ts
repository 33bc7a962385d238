import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";

/** Deciders see every proposal made to the agency (Art. 13.3); the others, their own. */
const PROPOSAL_OVERSEERS: readonly Role[] = ["hr", "head", "admin"];

export function canSeeAllProposals(actor: Actor, agencyPath: string): boolean {
  return covers(actor, PROPOSAL_OVERSEERS, agencyPath);
}
