import { createHash } from "node:crypto";
import {
  foldVietnamese,
  type NarrativeKey,
  narrativeKeys,
  type nationalExportQuery,
  type ReportNarrative,
  type updateReportNarrativeBody,
  vietnamDate,
} from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, covers, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, forbidden } from "../../http/app-error.ts";
import { placeName } from "../../reports/format.ts";
import type { Mau02Data } from "../../reports/mau02-content.ts";
import type { DecisionDraftData } from "../../reports/year-decision-content.ts";
import {
  type AnnualRecord,
  annualFields,
  type MonthlyRecord,
  monthlyFields,
  NATIONAL_SCHEMA_VERSION,
  toCsv,
  toJson,
} from "../../reports/year-national-export.ts";
import { reasonsLine, reasonText } from "../../reports/year-reasons.ts";
import type { ImplementationReportData } from "../../reports/year-report-content.ts";
import type { ClassificationTableData, ProvinceSummaryData } from "../../reports/year-xlsx.ts";
import { recordChange } from "../audit/service.ts";
import * as classificationRepo from "../classification/repo.ts";
import { boardOf, requireClassification } from "../classification/service.ts";
import { personYearData } from "../classification-entries/service.ts";
import { agencyBoard, provinceRows, yearEvaluations } from "../dashboards/service.ts";
import { requireUnit } from "../org/service.ts";
import { userNames } from "../records/repo.ts";
import { assertReads, assertWrites, YEAR_REPORT_READERS } from "./policy.ts";
import * as repo from "./repo.ts";

/**
 * The year's official outputs and exports. They read the live classification or the active
 * decision — both `packages/core`'s results — and only lay them out.
 */

import type { Download } from "../../http/send-file.ts";

export type { Download };

const asciiName = (text: string) =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const named = (vietnamese: string) => ({ ascii: asciiName(vietnamese), vietnamese });

/** Decree 30/2020 header data: the agency, its managing body (for a department), the place. */
export async function agencyHeader(db: Db, agencyPath: string) {
  const chain = (await repo.unitsOnPath(db, agencyPath)).reverse();
  const agency = chain[0]!;
  return {
    kind: agency.kind,
    parentName: agency.kind === "department" ? (chain[1]?.name ?? null) : null,
    name: agency.name,
    place: placeName(chain),
  };
}

/** Who decides: the chair of a People's Committee, the director of a department. */
const authorityOf = (header: { kind: string; name: string }) =>
  header.kind === "department"
    ? { title: `Giám đốc ${header.name}`, signer: "GIÁM ĐỐC" }
    : { title: `Chủ tịch ${header.name.replace(/^UBND/, "Ủy ban nhân dân")}`, signer: "CHỦ TỊCH" };

/* ── Mẫu 02 ── */

export async function mau02(
  deps: Deps,
  actor: Actor,
  classificationId: string,
  personId: string,
): Promise<Download<Mau02Data>> {
  const { view, board, row, entry } = await personYearData(deps, actor, classificationId, personId);
  const header = await agencyHeader(deps.db, view!.agencyPath);
  const decision = row.decidedLevel ? board.activeDecision : null;
  const data: Mau02Data = {
    year: board.input.year,
    agency: { parentName: header.parentName, name: header.name, place: header.place },
    person: {
      fullName: row.fullName,
      employeeCode: row.employeeCode,
      title: row.title,
      positionName: row.positionName,
      unitName: row.unitName,
    },
    months: row.months.map((m) => ({ month: m.month, score: m.score, counted: m.counted, leave: m.leave })),
    average: row.average,
    monthsCounted: row.monthsCounted,
    selfProposedLevel: row.selfProposedLevel,
    selfReport: entry?.selfReport ?? null,
    partyOpinion:
      entry?.partyOpinion && entry.partyOpinionDate
        ? { opinion: entry.partyOpinion, date: entry.partyOpinionDate }
        : null,
    partyOpinionRequired: row.partyOpinionRequired,
    level: row.decidedLevel ?? row.proposedLevel,
    decided: decision ? { number: decision.number, date: decision.date } : null,
    reasons: row.reasons.map(reasonText),
    ruleSetVersion: row.ruleSetVersion,
    signedOn: entry?.selfProposedAt ? vietnamDate(entry.selfProposedAt) : null,
    headName: decision?.signer ?? null,
  };
  return { data, fileName: named(`Mau 02 - ${row.fullName} - ${board.input.year}`) };
}

/* ── Decision draft and classification table ── */

async function agencyClassification(deps: Deps, actor: Actor, classificationId: string) {
  const view = await requireClassification(deps.db, classificationId);
  assertReads(actor, view.agencyPath);
  return { view, board: await boardOf(deps.db, view) };
}

export async function decisionDraft(
  deps: Deps,
  actor: Actor,
  classificationId: string,
): Promise<Download<DecisionDraftData>> {
  const { view, board } = await agencyClassification(deps, actor, classificationId);
  if (board.pendingTies > 0 && !board.activeDecision)
    throw new AppError("TIES_PENDING", { pendingTies: board.pendingTies });
  const header = await agencyHeader(deps.db, view.agencyPath);
  const authority = authorityOf(header);
  const active = board.activeDecision;
  const replaced = active?.replacesId ? await classificationRepo.findDecision(deps.db, active.replacesId) : null;
  const data: DecisionDraftData = {
    year: view.classification.year,
    agency: { parentName: header.parentName, name: header.name, place: header.place },
    authorityTitle: authority.title,
    signerTitle: authority.signer,
    number: active?.number ?? null,
    date: active?.date ?? null,
    replaces: replaced ? { number: replaced.number, date: replaced.date, reason: active?.reason ?? null } : null,
    rows: board.rows.map((r) => ({
      fullName: r.fullName,
      title: r.title,
      unitName: r.unitName,
      average: r.average,
      level: (active ? r.decidedLevel : r.proposedLevel) ?? r.yearLevel,
    })),
    signerName: active?.signer ?? null,
  };
  return { data, fileName: named(`Du thao quyet dinh xep loai ${view.classification.year} - ${view.agencyName}`) };
}

export async function classificationTable(
  deps: Deps,
  actor: Actor,
  classificationId: string,
): Promise<Download<ClassificationTableData>> {
  const { view, board } = await agencyClassification(deps, actor, classificationId);
  const data: ClassificationTableData = {
    agencyName: view.agencyName,
    year: view.classification.year,
    generatedOn: vietnamDate(deps.now()),
    ruleSetVersion: board.ruleSet.id,
    rows: board.rows.map((r) => ({
      fullName: r.fullName,
      employeeCode: r.employeeCode,
      unitName: r.unitName,
      quotaGroupName: r.quotaGroupName,
      months: r.months.map((m) => m.score),
      average: r.average,
      yearLevel: r.yearLevel,
      level: r.proposedLevel,
      reason: reasonsLine(r.reasons),
    })),
  };
  return { data, fileName: named(`Bang xep loai ${view.classification.year} - ${view.agencyName}`) };
}

/* ── Province summary ── */

function readerPaths(deps: Deps, actor: Actor) {
  return async (unitId: string | undefined) => {
    if (!unitId) return { paths: scopePaths(actor, YEAR_REPORT_READERS), name: "Phạm vi được phân quyền" };
    const unit = await requireUnit(deps.db, unitId);
    if (!covers(actor, YEAR_REPORT_READERS, unit.path)) throw forbidden("out_of_scope");
    return { paths: [unit.path], name: unit.name };
  };
}

export async function provinceSummary(
  deps: Deps,
  actor: Actor,
  query: { year: number; unitId?: string },
): Promise<Download<ProvinceSummaryData>> {
  const scope = await readerPaths(deps, actor)(query.unitId);
  const rows = await provinceRows(deps, scope.paths, query.year);
  const data: ProvinceSummaryData = {
    year: query.year,
    scopeName: scope.name,
    generatedOn: vietnamDate(deps.now()),
    rows: rows.map((r) => ({
      agencyName: r.agencyName,
      status: r.status,
      people: r.people,
      counts: r.distribution,
      source: r.source,
    })),
  };
  return { data, fileName: named(`Tong hop xep loai ${query.year} - ${scope.name}`) };
}

/* ── Implementation report and its narrative ── */

const defaultSections = (agencyName: string, year: number): Record<NarrativeKey, string> => ({
  intro: `Thực hiện Nghị định số 335/2025/NĐ-CP ngày 21/12/2025 của Chính phủ quy định về đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước và công chức, ${agencyName} báo cáo kết quả thực hiện năm ${year} như sau:`,
  context: "",
  implementation: "",
  criteria: "",
  assessment: "",
  proposals: "",
  conclusion: `Trên đây là báo cáo tình hình triển khai đánh giá, xếp loại chất lượng tổ chức, công chức năm ${year} của ${agencyName}./.`,
});

interface StoredSections {
  text: Partial<Record<NarrativeKey, string>>;
  signerTitle: string | null;
  signerName: string | null;
}

function narrativeDto(
  agencyId: string,
  agencyName: string,
  year: number,
  row: repo.NarrativeRow | undefined,
): ReportNarrative {
  const stored = (row?.sections ?? { text: {}, signerTitle: null, signerName: null }) as StoredSections;
  const defaults = defaultSections(agencyName, year);
  return {
    agencyId,
    year,
    documentNumber: row?.documentNumber ?? null,
    recipients: row?.recipient ? row.recipient.split("\n") : ["Sở Nội vụ (để báo cáo);", "Lưu: VT."],
    signerTitle: stored.signerTitle,
    signerName: stored.signerName,
    sections: Object.fromEntries(narrativeKeys.map((k) => [k, stored.text[k] ?? defaults[k]])) as Record<
      NarrativeKey,
      string
    >,
    version: row?.version ?? 0,
  };
}

async function agencyFor(deps: Deps, actor: Actor, agencyId: string, write = false) {
  const agency = await requireUnit(deps.db, agencyId);
  if (write) assertWrites(actor, agency.path);
  else assertReads(actor, agency.path);
  return agency;
}

export async function getNarrative(deps: Deps, actor: Actor, query: { agencyId: string; year: number }) {
  const agency = await agencyFor(deps, actor, query.agencyId);
  return narrativeDto(agency.id, agency.name, query.year, await repo.findNarrative(deps.db, agency.id, query.year));
}

export async function updateNarrative(
  deps: Deps,
  actor: Actor,
  query: { agencyId: string; year: number },
  body: z.output<typeof updateReportNarrativeBody>,
): Promise<ReportNarrative> {
  const agency = await agencyFor(deps, actor, query.agencyId, true);
  const current = narrativeDto(
    agency.id,
    agency.name,
    query.year,
    await repo.findNarrative(deps.db, agency.id, query.year),
  );
  const next = {
    agencyId: agency.id,
    year: query.year,
    documentNumber: body.documentNumber === undefined ? current.documentNumber : body.documentNumber,
    recipient: (body.recipients ?? current.recipients).join("\n"),
    sections: {
      text: { ...current.sections, ...body.sections },
      signerTitle: body.signerTitle === undefined ? current.signerTitle : body.signerTitle,
      signerName: body.signerName === undefined ? current.signerName : body.signerName,
    },
  };
  await deps.db.transaction(async (tx) => {
    if (!(await repo.saveNarrative(tx, next, body.version, deps.now()))) throw conflict(current.version);
    await recordChange(tx, actor, {
      entity: "report_narrative",
      entityId: `${agency.id}/${query.year}`,
      unitPath: agency.path,
      action: "update",
    });
  });
  return getNarrative(deps, actor, query);
}

const CONFIRMED = new Set(["confirmed", "head_confirmed"]);

export async function implementationReport(
  deps: Deps,
  actor: Actor,
  query: { agencyId: string; year: number },
): Promise<Download<ImplementationReportData>> {
  const agency = await agencyFor(deps, actor, query.agencyId);
  const narrative = await getNarrative(deps, actor, query);
  const header = await agencyHeader(deps.db, agency.path);
  const [positions, catalogItems, products, evaluations, { board }] = await Promise.all([
    repo.positionCount(deps.db, agency.id),
    repo.approvedCatalogItems(deps.db, agency.id),
    repo.productsByField(deps.db, agency.id, query.year),
    yearEvaluations(deps.db, agency.id, query.year),
    agencyBoard(deps, agency, query.year),
  ]);
  const decided = board.activeDecision;
  const levels: Record<string, number> = {};
  for (const r of board.rows) {
    const level = (decided ? r.decidedLevel : r.proposedLevel) ?? "pending";
    levels[level] = (levels[level] ?? 0) + 1;
  }
  const confirmed = evaluations.filter((e) => CONFIRMED.has(e.status));
  const data: ImplementationReportData = {
    year: query.year,
    agency: { parentName: header.parentName, name: header.name, place: header.place },
    documentNumber: narrative.documentNumber,
    date: null,
    sections: narrative.sections,
    recipients: narrative.recipients,
    signerTitle: narrative.signerTitle,
    signerName: narrative.signerName,
    figures: {
      positions,
      catalogItems,
      productsByField: products.map((p) => ({
        field: p.field,
        deliveries: p.deliveries,
        quantity: Number(p.quantity),
      })),
      evaluations: {
        expected: evaluations.length,
        confirmed: confirmed.length,
        onTime: confirmed.filter((e) => e.confirmedAt && vietnamDate(e.confirmedAt) <= e.reviewDue).length,
      },
      levels,
      levelsSource: decided ? "decision" : "live",
    },
  };
  return { data, fileName: named(`Bao cao trien khai ${query.year} - ${agency.name}`) };
}

/* ── National database export (Art. 26.1.d) ── */

export interface ExportFile {
  content: Buffer;
  mime: string;
  extension: string;
  fileName: { ascii: string; vietnamese: string };
}

/**
 * Monthly results (confirmed periods) or annual classifications (the active decision) of an
 * agency as CSV or JSON in the documented schema; each export is logged with its hash.
 */
export async function nationalExport(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof nationalExportQuery>,
): Promise<ExportFile> {
  const agency = await agencyFor(deps, actor, query.agencyId, true);
  const agencyCode = agency.code ?? agency.id;
  let rows: (MonthlyRecord | AnnualRecord)[];
  if (query.kind === "monthly") {
    const evaluations = await yearEvaluations(deps.db, agency.id, query.year);
    rows = evaluations
      .filter((e) => CONFIRMED.has(e.status) && e.total !== null && (!query.month || e.number === query.month))
      .map((e) => ({
        agency_code: agencyCode,
        agency_name: agency.name,
        employee_code: e.employeeCode ?? e.personId,
        full_name: e.fullName,
        year: query.year,
        period_kind: e.kind as "month" | "quarter",
        period_number: e.number,
        status: e.status,
        total_score: Number(e.total).toFixed(2),
        rule_set_version: e.ruleSetVersion ?? "",
      }));
  } else {
    const view = await classificationRepo.findByAgencyYear(deps.db, agency.id, query.year);
    const decision = view
      ? ((await classificationRepo.decisionsOf(deps.db, view.classification.id)).find((d) => d.active) ?? null)
      : null;
    if (!decision)
      throw new AppError("CLASSIFICATION_STEP", {
        status: view?.classification.status ?? "not_opened",
        allowed: ["decided", "published"],
      });
    const results = await classificationRepo.resultsOf(deps.db, [decision.id]);
    const codes = new Map(
      (await yearEvaluations(deps.db, agency.id, query.year)).map((e) => [e.personId, e.employeeCode]),
    );
    rows = results.map((r) => ({
      agency_code: agencyCode,
      agency_name: agency.name,
      employee_code: codes.get(r.personId) ?? r.personId,
      full_name: r.fullName,
      year: r.year,
      months_counted: r.monthsCounted,
      average_score: r.average ? Number(r.average).toFixed(2) : "",
      level: r.level as Level,
      decision_number: decision.number,
      decision_date: decision.date,
      rule_set_version: r.ruleSetVersion,
    }));
  }
  const generatedAt = deps.now().toISOString();
  const text =
    query.format === "csv"
      ? query.kind === "monthly"
        ? toCsv(monthlyFields, rows as MonthlyRecord[])
        : toCsv(annualFields, rows as AnnualRecord[])
      : toJson(query.kind, generatedAt, rows);
  const content = Buffer.from(text, "utf8");
  await deps.db.transaction(async (tx) => {
    await repo.logExport(tx, {
      agencyId: agency.id,
      year: query.year,
      month: query.kind === "monthly" ? (query.month ?? null) : null,
      kind: query.kind,
      format: query.format,
      rows: rows.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      schemaVersion: NATIONAL_SCHEMA_VERSION,
      exportedBy: actor.userId,
      exportedAt: deps.now(),
    });
  });
  const base = `csdlqg-${query.kind}-${agencyCode}-${query.year}${query.month ? `-${String(query.month).padStart(2, "0")}` : ""}`;
  return {
    content,
    mime: query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    extension: query.format,
    fileName: { ascii: asciiName(base), vietnamese: base },
  };
}

export async function exportLog(
  deps: Deps,
  actor: Actor,
  query: { agencyId?: string; year?: number; kind?: string; page: number; pageSize: number },
) {
  const { rows, total } = await repo.listExports(
    deps.db,
    { ...query, paths: scopePaths(actor, ["hr", "admin"]) },
    query,
  );
  const names = await userNames(
    deps.db,
    rows.map((r) => r.exportedBy),
  );
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      year: r.year,
      month: r.month,
      kind: r.kind as "monthly" | "annual",
      format: r.format as "csv" | "json",
      rows: r.rows,
      sha256: r.sha256,
      schemaVersion: r.schemaVersion,
      exportedByName: r.exportedBy ? (names.get(r.exportedBy) ?? null) : null,
      exportedAt: r.exportedAt.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
