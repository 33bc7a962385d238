/**
 * The yearly evaluation of agencies (Decree 335 Art. 5–9; Quảng Nam QĐ 2023 Art. 4–10; DESIGN §3
 * rules 13–16, §4): criteria frameworks, the cycle (self-assessment with dossier → appraisal →
 * draft results and explanations → council vote → decision and publication), results, reports.
 * Dates travel as ISO `YYYY-MM-DD` (shown dd/mm/yyyy); scores as JSON numbers (computed exactly on
 * the server by packages/core and rounded only at the edge).
 */

export * from "./appraisal.ts";
export * from "./assessments.ts";
export * from "./council.ts";
export * from "./criteria.ts";
export * from "./cycles.ts";
export * from "./dashboard.ts";
export * from "./dossier.ts";
export * from "./draft.ts";
export * from "./endpoints.ts";
export * from "./frameworks.ts";
export * from "./limits.ts";
export * from "./notices.ts";
export * from "./results.ts";
export * from "./scores.ts";
