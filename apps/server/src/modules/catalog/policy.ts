import type { Role } from "@thuocdo/contract";
import { type Actor, covers, touches } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/**
 * Catalogs (Art. 13): personnel officers prepare drafts, imports and
 * mappings and decide proposals; the head of the agency (or hr) approves;
 * everyone working in the agency reads the versions that were approved and
 * proposes products; drafts stay among those who prepare and approve them.
 */
export const CATALOG_READERS: readonly Role[] = ["hr", "head", "manager", "staff", "admin"];
export const CATALOG_EDITORS: readonly Role[] = ["hr"];
export const CATALOG_APPROVERS: readonly Role[] = ["head", "hr"];
/** Who sees drafts and every version of an agency's catalog. */
const FULL_READERS: readonly Role[] = ["hr", "head", "admin"];
/** Who works inside an agency and reads its approved catalog. */
const MEMBERS: readonly Role[] = ["manager", "staff"];

export function canReadAll(actor: Actor, agencyPath: string): boolean {
  return covers(actor, FULL_READERS, agencyPath);
}

/** Approved (or superseded) versions: anyone with a role in or over the agency. */
export function assertCanReadApproved(actor: Actor, agencyPath: string): void {
  if (!canReadAll(actor, agencyPath) && !touches(actor, MEMBERS, agencyPath)) throw forbidden("out_of_scope");
}

export function assertCanReadCatalog(actor: Actor, agencyPath: string, status: string): void {
  if (status === "draft" ? !canReadAll(actor, agencyPath) : false) throw forbidden("draft");
  assertCanReadApproved(actor, agencyPath);
}

export function assertCanEdit(actor: Actor, agencyPath: string): void {
  if (!covers(actor, CATALOG_EDITORS, agencyPath)) throw forbidden("out_of_scope");
}

export function assertCanApprove(actor: Actor, agencyPath: string): void {
  if (!covers(actor, CATALOG_APPROVERS, agencyPath)) throw forbidden("out_of_scope");
}
