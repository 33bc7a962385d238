import type { Role } from "@thuocdo/contract";
import { type Actor, covers } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/**
 * The year's official outputs: hr and the head print the agency's (decision draft, table,
 * report); hr writes the report's narrative and sends the national export; Mẫu 02 follows the
 * classification's row readers (the person, their manager, hr, head).
 */
export const YEAR_REPORT_READERS: readonly Role[] = ["hr", "head", "admin"];
export const YEAR_REPORT_WRITERS: readonly Role[] = ["hr"];

export function assertReads(actor: Actor, agencyPath: string): void {
  if (!covers(actor, YEAR_REPORT_READERS, agencyPath)) throw forbidden("out_of_scope");
}

export function assertWrites(actor: Actor, agencyPath: string): void {
  if (!covers(actor, YEAR_REPORT_WRITERS, agencyPath)) throw forbidden("out_of_scope");
}
