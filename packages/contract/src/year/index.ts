/**
 * The year (Decree 335 Art. 11, 19–24; DESIGN §3 rules 7–12): records that force a level
 * (discipline, degradation, corruption in a leader's unit), leave and transfers, quota groups,
 * the agency's annual classification computed live by `packages/core` (computeYear per person,
 * applyQuota per group and agency-wide), its Art. 21 workflow (Mẫu 02, minutes, Party opinion,
 * proposal, decision, publication), petitions (Art. 22) with the working-day calendar, reports,
 * the national-database export (Art. 26.1.d) and the dashboards. Dates travel as ISO
 * `YYYY-MM-DD`; scores as JSON numbers rounded for display only (the server keeps exact values).
 */

export * from "./calendar.ts";
export * from "./classification.ts";
export * from "./classification-rows.ts";
export * from "./dashboards.ts";
export * from "./endpoints.ts";
export * from "./leave.ts";
export * from "./levels.ts";
export * from "./links.ts";
export * from "./national-export.ts";
export * from "./person-year.ts";
export * from "./petitions.ts";
export * from "./publication.ts";
export * from "./quota.ts";
export * from "./records.ts";
export * from "./reports.ts";
export * from "./transfers.ts";
export * from "./workflow.ts";
