import type { Role } from "@thuocdo/contract";

/**
 * Who does what in the year (Decree 335 Art. 21–22; DESIGN §1). The server checks every action
 * again; these lists only decide which buttons a screen offers.
 */
export const yearAccess = {
  /** Open the classification, record discipline, leave, transfers, quota groups, minutes, the proposal. */
  manage: ["hr"],
  /** The head decides: ties at the cut, the decision, publication. */
  decide: ["head"],
  /** Read the agency's classification list. */
  read: ["hr", "head", "manager"],
  /** Answer petitions. */
  answer: ["hr", "head"],
} as const satisfies Record<string, readonly Role[]>;
