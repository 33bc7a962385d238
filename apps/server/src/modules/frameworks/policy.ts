import type { Role } from "@thuocdo/contract";

export { assertCanManage, canManage } from "../agency/policy.ts";

/**
 * Frameworks are read by everyone taking part in the agency evaluation (criteria are not secret:
 * agencies score themselves on them) and changed only by hr over the owner unit.
 */
export const FRAMEWORK_READERS: readonly Role[] = ["hr", "head", "appraiser", "council", "admin"];
export const FRAMEWORK_EDITORS: readonly Role[] = ["hr"];
