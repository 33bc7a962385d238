import type { Role } from "@thuocdo/contract";
import { type Actor, covers, touches } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";

/**
 * Who does what in the annual classification (Decree 335 Art. 21; DESIGN §1): the personnel
 * officers (hr) open the year, set the quota rate, upload minutes, record the Party committee's
 * opinion and make the personnel body's proposal; the head breaks ties at the quota cut, decides
 * and publishes; managers read their own divisions' rows; each civil servant reads their year and
 * records their self-proposed level (Mẫu 02).
 */
export const CLASSIFICATION_HR: readonly Role[] = ["hr"];
export const CLASSIFICATION_HEAD: readonly Role[] = ["head"];
export const CLASSIFICATION_READERS: readonly Role[] = ["hr", "head", "admin"];
export const CLASSIFICATION_LIST: readonly Role[] = ["hr", "head", "admin", "manager"];

export const assertHr = (actor: Actor, agencyPath: string) => {
  if (!covers(actor, CLASSIFICATION_HR, agencyPath)) throw forbidden("out_of_scope");
};

export const assertHead = (actor: Actor, agencyPath: string) => {
  if (!covers(actor, CLASSIFICATION_HEAD, agencyPath)) throw forbidden("out_of_scope");
};

/** Reads the whole agency (hr, head, admin above it). */
export const readsAgency = (actor: Actor, agencyPath: string) => covers(actor, CLASSIFICATION_READERS, agencyPath);

/** Reads some of it: a manager of a division inside the agency. */
export const readsPart = (actor: Actor, agencyPath: string) =>
  readsAgency(actor, agencyPath) || touches(actor, ["manager"], agencyPath);

export function assertReadsPart(actor: Actor, agencyPath: string): void {
  if (!readsPart(actor, agencyPath)) throw forbidden("out_of_scope");
}

/** A row is visible to whole-agency readers, to the manager over its unit, and to the person. */
export const readsRow = (actor: Actor, agencyPath: string, row: { personId: string; unitPath: string }) =>
  readsAgency(actor, agencyPath) || covers(actor, ["manager"], row.unitPath) || actor.personId === row.personId;
