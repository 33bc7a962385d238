import type { Role } from "@thuocdo/contract";

export { assertCanManage } from "../agency/policy.ts";

/** Everyone taking part reads cycles (filtered by the service); hr over the owner unit runs them. */
export const CYCLE_READERS: readonly Role[] = ["hr", "head", "appraiser", "council", "admin"];
export const CYCLE_MANAGERS: readonly Role[] = ["hr"];
/** The dashboard compares agencies: the secretariat and the council. */
export const DASHBOARD_READERS: readonly Role[] = ["hr", "council"];
