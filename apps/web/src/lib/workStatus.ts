import type { Assignment } from "@thuocdo/contract";

/** What a product line shows at a glance; several can hold at once (late and failed, say). */
export const lineFlags = ["done", "waiting", "late", "failed", "overdue", "handedBack"] as const;
export type LineFlag = (typeof lineFlags)[number];

type LineFacts = Pick<Assignment, "quantity" | "handedBack" | "remainingQuantity" | "deliveredQuantity" | "overdue"> & {
  deliveries: readonly Pick<
    Assignment["deliveries"][number],
    "reviewStatus" | "delays" | "excusedDelays" | "failedReviews" | "excusedFailedReviews"
  >[];
};

/**
 * The flags of a line: done = the whole assigned quantity was delivered; waiting = a delivery not
 * reviewed yet; late / failed = a delay or failed review that still counts (not excused);
 * overdue = past the deadline in force with units left; handedBack = some units returned (they
 * stay in A and count as not done, Art. 18.1.d).
 */
export function flagsOf(a: LineFacts): LineFlag[] {
  const flags: LineFlag[] = [];
  if (a.deliveredQuantity > 0 && a.deliveredQuantity >= a.quantity) flags.push("done");
  if (a.deliveries.some((d) => d.reviewStatus === "pending")) flags.push("waiting");
  if (a.deliveries.some((d) => d.delays > d.excusedDelays)) flags.push("late");
  if (a.deliveries.some((d) => d.failedReviews > d.excusedFailedReviews)) flags.push("failed");
  if (a.overdue) flags.push("overdue");
  if (a.handedBack > 0) flags.push("handedBack");
  return flags;
}

export const flagColors: Record<LineFlag, string> = {
  done: "green",
  waiting: "processing",
  late: "orange",
  failed: "red",
  overdue: "volcano",
  handedBack: "default",
};
