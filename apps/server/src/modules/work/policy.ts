import { type Role, roles } from "@thuocdo/contract";
import { type Actor, covers, touches } from "../../http/actor.ts";
import { AppError, forbidden } from "../../http/app-error.ts";

/** Assign, review, excuse, extend: the manager over the person's unit, or the agency's head or hr. */
export const WORK_MANAGERS: readonly Role[] = ["manager", "head", "hr"];
/** Open, lock and reopen periods: the agency's personnel officer or head. */
export const PERIOD_ADMINS: readonly Role[] = ["hr", "head"];

export interface PersonScope {
  id: string;
  unitPath: string;
}

/** Nobody manages their own work: a leader's products are assigned and reviewed from above. */
export function canManagePerson(actor: Actor, person: PersonScope): boolean {
  return actor.personId !== person.id && covers(actor, WORK_MANAGERS, person.unitPath);
}

export function assertCanManagePerson(actor: Actor, person: PersonScope): void {
  if (!canManagePerson(actor, person)) throw forbidden("out_of_scope");
}

/** Deliveries are recorded by the person who made them, on their own lines only. */
export function assertOwnWork(actor: Actor, personId: string): void {
  if (actor.personId !== personId) throw forbidden("not_own_assignment");
}

export function assertCanAdministerPeriods(actor: Actor, agencyPath: string): void {
  if (!covers(actor, PERIOD_ADMINS, agencyPath)) throw forbidden("out_of_scope");
}

/** Anyone with a role in (or above) the agency sees its periods. */
export function assertCanSeeAgency(actor: Actor, agencyPath: string): void {
  if (!touches(actor, roles, agencyPath)) throw forbidden("out_of_scope");
}

/** A locked period changes only after a recorded reopening (DESIGN §5). */
export function assertPeriodOpen(period: { id: string; status: string }): void {
  if (period.status !== "open") throw new AppError("PERIOD_LOCKED", { periodId: period.id });
}
