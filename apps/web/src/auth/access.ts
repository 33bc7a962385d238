import { type Grant, type Role, type Session, workLinks, yearLinks } from "@thuocdo/contract";
import type { MessageKey } from "../i18n/index.ts";

/** URL of each screen; Vietnamese slugs, without diacritics. */
export const paths = {
  login: "/dang-nhap",
  home: "/",
  changePassword: "/doi-mat-khau",
  org: "/co-cau-to-chuc",
  positions: "/vi-tri-viec-lam",
  people: "/cong-chuc",
  peopleImport: "/cong-chuc/nhap-excel",
  users: "/quan-tri/tai-khoan",
  audit: "/nhat-ky",
  catalog: "/danh-muc-san-pham",
  positionItems: "/vi-tri-viec-lam/san-pham",
  proposals: "/de-xuat-san-pham",
  thisMonth: workLinks.myMonth,
  selfEvaluation: `${workLinks.myMonth}/tu-danh-gia`,
  board: workLinks.board,
  periods: workLinks.periods,
  yearDashboard: "/tong-quan-nam",
  yearClassification: yearLinks.classification,
  yearRecords: `${yearLinks.classification}/ho-so`,
  petitions: yearLinks.petitions,
  yearReports: "/bao-cao-nam",
  myYear: yearLinks.myYear,
  agencySelf: "/co-quan/tu-danh-gia",
  agencyDraft: "/co-quan/ket-qua-du-kien",
  agencyAppraisal: "/co-quan/tham-dinh",
  agencyCouncil: "/co-quan/hoi-dong",
  agencyFrameworks: "/co-quan/bo-tieu-chi",
  agencyConsolidation: "/co-quan/tong-hop",
  agencyDecision: "/co-quan/quyet-dinh",
  agencyReports: "/co-quan/bao-cao",
} as const;

/** The public pages (no login): published classification results (Decree 335 Art. 21.1.đ). */
export const publicPaths = {
  results: "/cong-khai/xep-loai",
  agencyResults: "/cong-khai/xep-loai/:agencyId/:year",
  /** Agencies' yearly ranking (issue #6). */
  agencyEvaluation: "/cong-khai/xep-loai-co-quan",
} as const;

/** The public list of published results, or one agency's year. */
export function publicResultsPath(agencyId?: string, year?: number): string {
  return agencyId && year ? `${publicPaths.results}/${encodeURIComponent(agencyId)}/${year}` : publicPaths.results;
}

export type Screen = Exclude<keyof typeof paths, "login">;

/**
 * Who may open which screen. The server decides what each role may do;
 * this only keeps menus honest. `undefined` = every signed-in user.
 */
export const screenRoles: Partial<Record<Screen, readonly Role[]>> = {
  org: ["hr"],
  positions: ["hr"],
  people: ["hr", "head", "manager"],
  peopleImport: ["hr"],
  users: ["admin"],
  audit: ["admin", "hr"],
  catalog: ["hr", "head", "manager", "staff"],
  positionItems: ["hr"],
  proposals: ["hr", "head", "manager", "staff"],
  // Everyone evaluated monthly (staff, and managers for their own month) sees "Tháng này".
  thisMonth: ["staff", "manager"],
  selfEvaluation: ["staff", "manager"],
  board: ["manager", "head", "hr"],
  periods: ["hr", "head"],
  yearClassification: ["hr", "head", "manager"],
  yearRecords: ["hr", "head", "manager"],
  petitions: ["hr", "head", "staff", "manager"],
  yearReports: ["hr", "head"],
  myYear: ["staff", "manager"],
  agencySelf: ["hr", "head"],
  agencyDraft: ["hr", "head"],
  agencyAppraisal: ["appraiser"],
  agencyCouncil: ["council"],
  agencyFrameworks: ["hr"],
  agencyConsolidation: ["hr"],
  agencyDecision: ["hr"],
  agencyReports: ["hr", "head", "council"],
};

/** Roles that may change people (the others only read). */
export const peopleEditors: readonly Role[] = ["hr"];

export function rolesOf(session: Pick<Session, "grants"> | null | undefined): Set<Role> {
  return new Set((session?.grants ?? []).map((g) => g.role));
}

export function hasAnyRole(session: Pick<Session, "grants"> | null | undefined, roles: readonly Role[]): boolean {
  const mine = rolesOf(session);
  return roles.some((r) => mine.has(r));
}

export function canOpen(session: Pick<Session, "grants"> | null | undefined, screen: Screen): boolean {
  const roles = screenRoles[screen];
  return roles === undefined || hasAnyRole(session, roles);
}

/** The menu entries of a user, in order. */
export const menuScreens: { screen: Screen; label: MessageKey }[] = [
  { screen: "home", label: "nav.home" },
  { screen: "thisMonth", label: "nav.thisMonth" },
  { screen: "board", label: "nav.board" },
  { screen: "periods", label: "nav.periods" },
  { screen: "yearDashboard", label: "yearNav.dashboard" },
  { screen: "myYear", label: "yearNav.myYear" },
  { screen: "yearClassification", label: "yearNav.classification" },
  { screen: "yearRecords", label: "yearNav.records" },
  { screen: "petitions", label: "yearNav.petitions" },
  { screen: "yearReports", label: "yearNav.reports" },
  { screen: "agencySelf", label: "agencyNav.self" },
  { screen: "agencyDraft", label: "agencyNav.draft" },
  { screen: "agencyAppraisal", label: "agencyNav.appraisal" },
  { screen: "agencyCouncil", label: "agencyNav.council" },
  { screen: "agencyFrameworks", label: "agencyNav.frameworks" },
  { screen: "agencyConsolidation", label: "agencyNav.consolidation" },
  { screen: "agencyDecision", label: "agencyNav.decision" },
  { screen: "agencyReports", label: "agencyNav.reports" },
  { screen: "org", label: "nav.org" },
  { screen: "positions", label: "nav.positions" },
  { screen: "catalog", label: "catalog.nav" },
  { screen: "positionItems", label: "positionItems.nav" },
  { screen: "proposals", label: "proposals.nav" },
  { screen: "people", label: "nav.people" },
  { screen: "peopleImport", label: "nav.peopleImport" },
  { screen: "users", label: "nav.users" },
  { screen: "audit", label: "nav.audit" },
];

/** Grants sorted for display: by role order of DESIGN.md §1, then unit name. */
export function sortGrants(grants: readonly Grant[]): Grant[] {
  const order: Role[] = ["staff", "manager", "head", "hr", "appraiser", "council", "admin"];
  return [...grants].sort(
    (a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.orgUnitName.localeCompare(b.orgUnitName, "vi"),
  );
}

/** Where to go after login: only same-app paths, never another origin (`//evil.example`). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith(paths.login)) return paths.home;
  return next;
}
