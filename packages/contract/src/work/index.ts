/**
 * The monthly civil-servant cycle (Decree 335 Art. 14–18; DESIGN §5): agency settings, periods,
 * assignments, deliveries, reviews, self-evaluation, confirmation, lock/reopen, read models and
 * in-app notifications. Dates travel as ISO `YYYY-MM-DD` (the web shows dd/mm/yyyy); quantities,
 * coefficients and scores as JSON numbers (the server computes on exact rationals).
 */

export * from "./assignments.ts";
export * from "./board.ts";
export * from "./dates.ts";
export * from "./deliveries.ts";
export * from "./endpoints.ts";
export * from "./evaluations.ts";
export * from "./messages.ts";
export * from "./my-month.ts";
export * from "./notifications.ts";
export * from "./periods.ts";
export * from "./quantity.ts";
export * from "./settings.ts";
