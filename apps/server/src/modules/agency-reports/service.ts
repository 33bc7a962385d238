import { vietnamDate } from "@thuocdo/contract";
import type { ClassifiedLevel } from "@thuocdo/core";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { forbidden } from "../../http/app-error.ts";
import { type SheetColumn, writeSheet, XLSX_MIME } from "../../lib/xlsx.ts";
import {
  type AgencyReportHeader,
  annexDocument,
  levelName,
  minutesDocument,
  type RankingLine,
  rankingDocument,
  scoreSheetDocument,
} from "../../reports/agency-documents.ts";
import { DOCX_MIME, renderOfficialDocx } from "../../reports/docx-layout.ts";
import type { OfficialDocument } from "../../reports/official-document.ts";
import { PDF_MIME, renderOfficialPdf } from "../../reports/pdf-layout.ts";
import { canManage } from "../agency/policy.ts";
import * as repo from "../agency/repo.ts";
import { type CycleContext, columnValue, competitionRanks, loadCycle, totalOf } from "../agency/service.ts";
import { seesAll } from "../agency-assessment/policy.ts";
import { loadForActor } from "../agency-assessment/service.ts";
import { resultRows } from "../agency-cycle-results/service.ts";
import { majorityOf, quorumOf } from "../council/service.ts";
import { requireUnit } from "../org/service.ts";

/** The official outputs of a cycle, assembled from the stored scores and results (numbers by core). */

export interface ReportFile {
  content: Buffer;
  mime: string;
  fileName: string;
}

async function headerOf(deps: Deps, ctx: CycleContext): Promise<AgencyReportHeader> {
  const owner = await requireUnit(deps.db, ctx.cycle.ownerUnitId);
  return {
    ownerName: owner.name,
    ownerKind: owner.kind,
    cycleName: ctx.cycle.name,
    groupName: ctx.cycle.groupName,
    year: ctx.cycle.year,
    ruleSetVersion: ctx.cycle.ruleSetVersion,
    date: vietnamDate(deps.now()),
  };
}

/** Manager and council always; after publication, whoever takes part in the cycle. */
async function assertCanReadGroup(deps: Deps, actor: Actor, ctx: CycleContext): Promise<void> {
  if (canManage(actor, ctx.cycle.ownerPath)) return;
  if ((await repo.cyclesOfMember(deps.db, actor.userId)).includes(ctx.cycle.id)) return;
  if (ctx.cycle.publishedAt) return;
  throw forbidden("out_of_scope");
}

const flagNotes: Record<string, string> = {
  quota_cut: "Giảm do vượt tỷ lệ 20%",
  council_differs: "Hội đồng biểu quyết khác mức theo điểm",
  uncovered_case: "Trường hợp quy định chưa dự liệu",
  conditions_missing: "Thiếu điều kiện xếp loại",
};
const notesOf = (flags: readonly string[]) =>
  flags
    .map((f) => flagNotes[f])
    .filter(Boolean)
    .join("; ");

/** The group's ranking: the council's results once computed, else provisional figures on the final column. */
async function rankingLines(deps: Deps, ctx: CycleContext): Promise<{ lines: RankingLine[]; provisional: boolean }> {
  const results = await resultRows(deps.db, ctx);
  const self = new Map(ctx.assessments.map((a) => [a.id, totalOf(ctx, a, "self").dto.score]));
  const appraised = new Map(ctx.assessments.map((a) => [a.id, totalOf(ctx, a, "appraised").dto.score]));
  if (results.length > 0) {
    return {
      provisional: false,
      lines: results.map((r) => ({
        rank: r.rank,
        agencyName: r.agencyName,
        selfScore: self.get(r.assessmentId)!,
        appraisedScore: appraised.get(r.assessmentId)!,
        score: r.score,
        level: r.level,
        note: [notesOf(r.flags), r.headFlagged ? "Xem xét trách nhiệm người đứng đầu" : ""].filter(Boolean).join("; "),
      })),
    };
  }
  const finals = new Map(ctx.assessments.map((a) => [a.id, totalOf(ctx, a, "final")]));
  const ranks = competitionRanks(ctx.assessments.map((a) => ({ id: a.id, score: finals.get(a.id)!.score })));
  const lines = ctx.assessments
    .map((a) => ({
      rank: ranks.get(a.id)!,
      agencyName: a.agencyName,
      selfScore: self.get(a.id)!,
      appraisedScore: appraised.get(a.id)!,
      score: finals.get(a.id)!.dto.score,
      level: finals.get(a.id)!.level,
      note: notesOf(finals.get(a.id)!.flags),
    }))
    .sort((x, y) => x.rank - y.rank || x.agencyName.localeCompare(y.agencyName, "vi"));
  return { lines, provisional: true };
}

async function render(doc: OfficialDocument, format: "docx" | "pdf", baseName: string): Promise<ReportFile> {
  return format === "pdf"
    ? { content: await renderOfficialPdf(doc), mime: PDF_MIME, fileName: `${baseName}.pdf` }
    : { content: await renderOfficialDocx(doc), mime: DOCX_MIME, fileName: `${baseName}.docx` };
}

export async function ranking(
  deps: Deps,
  actor: Actor,
  cycleId: string,
  format: "xlsx" | "docx" | "pdf",
): Promise<ReportFile> {
  const ctx = await loadCycle(deps.db, cycleId);
  await assertCanReadGroup(deps, actor, ctx);
  const { lines, provisional } = await rankingLines(deps, ctx);
  const baseName = `xep-hang-${ctx.cycle.year}`;
  if (format !== "xlsx")
    return render(rankingDocument(await headerOf(deps, ctx), lines, provisional), format, baseName);
  const columns: SheetColumn<RankingLine>[] = [
    { header: "Hạng", width: 8, value: (l) => l.rank },
    { header: "Cơ quan, đơn vị", width: 40, value: (l) => l.agencyName },
    { header: "Tự chấm", width: 12, value: (l) => l.selfScore },
    { header: "Thẩm định", width: 12, value: (l) => l.appraisedScore },
    { header: "Điểm cuối cùng", width: 14, value: (l) => l.score },
    { header: "Mức xếp loại", width: 32, value: (l) => levelName(l.level) },
    { header: "Ghi chú", width: 40, value: (l) => l.note },
  ];
  const notes = [
    `${ctx.cycle.name} — nhóm ${ctx.cycle.groupName}.`,
    provisional
      ? "Kết quả tạm tính: Hội đồng thẩm định chưa biểu quyết."
      : "Kết quả sau biểu quyết của Hội đồng và áp tỷ lệ.",
    `Điểm do phần mềm tính theo bộ quy tắc ${ctx.cycle.ruleSetVersion}.`,
  ];
  return {
    content: await writeSheet("Xếp hạng", columns, lines, notes),
    mime: XLSX_MIME,
    fileName: `${baseName}.xlsx`,
  };
}

export async function minutes(deps: Deps, actor: Actor, cycleId: string): Promise<ReportFile> {
  const ctx = await loadCycle(deps.db, cycleId);
  await assertCanReadGroup(deps, actor, ctx);
  const [members, votes, results] = await Promise.all([
    repo.membersOf(deps.db, cycleId),
    repo.votesOf(deps.db, cycleId),
    repo.resultsOf(deps.db, [cycleId]),
  ]);
  const present = new Set(members.filter((m) => m.present).map((m) => m.userId));
  const lines = ctx.assessments.map((a) => {
    const final = totalOf(ctx, a, "final");
    const { tally, level } = majorityOf(
      votes.filter((v) => v.assessmentId === a.id),
      present,
    );
    const result = results.find((r) => r.assessmentId === a.id);
    return {
      agencyName: a.agencyName,
      finalScore: final.dto.score,
      computedLevel: final.level,
      tally,
      votedLevel: level,
      level: (result?.level as ClassifiedLevel | null | undefined) ?? level,
      note: notesOf((result?.flags as string[] | undefined) ?? []),
    };
  });
  const doc = minutesDocument(await headerOf(deps, ctx), members, quorumOf(ctx.cycle, members.length), lines);
  return render(doc, "docx", `bien-ban-hoi-dong-${ctx.cycle.year}`);
}

export async function annex(deps: Deps, actor: Actor, cycleId: string): Promise<ReportFile> {
  const ctx = await loadCycle(deps.db, cycleId);
  await assertCanReadGroup(deps, actor, ctx);
  const { lines } = await rankingLines(deps, ctx);
  const doc = annexDocument(
    await headerOf(deps, ctx),
    { number: ctx.cycle.decisionNumber, date: ctx.cycle.decisionDate },
    lines,
  );
  return render(doc, "docx", `phu-luc-quyet-dinh-${ctx.cycle.year}`);
}

/** One agency's score sheet: criterion, self, appraised, final, notes (N/A, comments, explanations). */
export async function scoreSheet(
  deps: Deps,
  actor: Actor,
  assessmentId: string,
  format: "xlsx" | "docx" | "pdf",
): Promise<ReportFile> {
  const loaded = await loadForActor(deps.db, actor, assessmentId);
  if (!seesAll(loaded.standing)) throw forbidden("out_of_scope");
  const { ctx, assessment: a } = loaded;
  const cells = ctx.cells.get(a.id) ?? new Map();
  const totals = {
    self: totalOf(ctx, a, "self"),
    appraised: totalOf(ctx, a, "appraised"),
    final: totalOf(ctx, a, "final"),
  };
  const lines = ctx.nodes.map((n) => {
    const cell = cells.get(n.row.id);
    const value = (column: keyof typeof totals) => totals[column].nodeScores.get(n.row.id)?.toNumber() ?? null;
    return {
      code: n.row.code,
      name: n.row.name,
      depth: n.depth,
      max: Number(n.row.max),
      self: value("self"),
      appraised: value("appraised"),
      final: value("final"),
      notApplicable: columnValue(cell, "self").notApplicable,
      note: [
        n.row.kind === "bonus" ? "Điểm cộng" : n.row.kind === "penalty" ? "Điểm trừ" : "",
        cell?.notApplicable ? `Không áp dụng: ${cell.naExplanation ?? ""}` : "",
        cell?.appraisedComment ?? "",
        cell?.finalNote ?? "",
      ]
        .filter(Boolean)
        .join("; "),
    };
  });
  const doc = scoreSheetDocument(await headerOf(deps, ctx), a.agencyName, lines, {
    self: totals.self.dto.score,
    appraised: totals.appraised.dto.score,
    final: totals.final.dto.score,
    level: totals.final.level,
  });
  return render(doc, format === "pdf" ? "pdf" : "docx", `bang-diem-${a.agencyCode ?? a.agencyId}-${ctx.cycle.year}`);
}
