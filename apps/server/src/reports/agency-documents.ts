import { agencyLevelNames } from "@thuocdo/contract";
import type { ClassifiedLevel } from "@thuocdo/core";
import { formatPoints, orDash, placeName, vietnameseDate } from "./format.ts";
import type { Block, OfficialDocument, TableRow } from "./official-document.ts";

/**
 * The official outputs of the yearly agency evaluation (Quảng Nam Art. 8; DESIGN §4): the ranking
 * per group, one agency's score sheet, the council's minutes and the decision's annex, as
 * format-neutral documents that `docx-layout.ts` / `pdf-layout.ts` lay out in the Decree 30/2020
 * format. Numbers arrive computed (by packages/core); this file only writes them.
 */

export interface AgencyReportHeader {
  /** The owner unit, e.g. "UBND tỉnh Thanh Hóa". */
  ownerName: string;
  ownerKind: string;
  cycleName: string;
  groupName: string;
  year: number;
  ruleSetVersion: string;
  /** ISO day the document is dated. */
  date: string;
}

export interface RankingLine {
  rank: number;
  agencyName: string;
  selfScore: number;
  appraisedScore: number;
  score: number;
  level: ClassifiedLevel | null;
  note: string;
}

export interface ScoreSheetLine {
  code: string;
  name: string;
  depth: number;
  max: number;
  self: number | null;
  appraised: number | null;
  final: number | null;
  notApplicable: boolean;
  note: string;
}

export interface CouncilLine {
  agencyName: string;
  finalScore: number;
  computedLevel: ClassifiedLevel | null;
  tally: Record<ClassifiedLevel, number>;
  votedLevel: ClassifiedLevel | null;
  level: ClassifiedLevel | null;
  note: string;
}

export const levelName = (level: ClassifiedLevel | null): string =>
  level ? agencyLevelNames[level] : "Hội đồng quyết định";
const points = (value: number | null) => orDash(value, formatPoints);

function header(h: AgencyReportHeader, agency: string) {
  return {
    parentAgency: agency === h.ownerName ? null : h.ownerName.toLocaleUpperCase("vi"),
    agency: agency.toLocaleUpperCase("vi"),
    placeAndDate: `${placeName([{ kind: h.ownerKind, name: h.ownerName }])}, ${vietnameseDate(h.date)}`,
  };
}

const note = (text: string): Block => ({ kind: "paragraph", runs: [{ text, italic: true }] });

const computedBy = (h: AgencyReportHeader): Block =>
  note(
    `Điểm và mức xếp loại do phần mềm tính theo bộ quy tắc ${h.ruleSetVersion}; điểm hiển thị làm tròn 2 chữ số thập phân.`,
  );

export function rankingDocument(h: AgencyReportHeader, lines: RankingLine[], provisional: boolean): OfficialDocument {
  const rows: TableRow[] = lines.map((l) => ({
    cells: [
      { text: String(l.rank), align: "center" },
      l.agencyName,
      { text: points(l.selfScore), align: "right" },
      { text: points(l.appraisedScore), align: "right" },
      { text: points(l.score), align: "right" },
      levelName(l.level),
      l.note,
    ],
  }));
  return {
    title: `Bảng xếp hạng ${h.groupName} năm ${h.year}`,
    header: header(h, h.ownerName),
    body: [
      {
        kind: "title",
        lines: ["BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", `${h.groupName.toLocaleUpperCase("vi")} NĂM ${h.year}`],
      },
      ...(provisional ? [note("Kết quả tạm tính: Hội đồng thẩm định chưa biểu quyết.")] : []),
      {
        kind: "table",
        columns: [
          { header: "Hạng", width: 6, align: "center" },
          { header: "Cơ quan, đơn vị", width: 30, align: "left" },
          { header: "Tự chấm", width: 10, align: "right" },
          { header: "Thẩm định", width: 10, align: "right" },
          { header: "Điểm cuối cùng", width: 10, align: "right" },
          { header: "Mức xếp loại", width: 20, align: "left" },
          { header: "Ghi chú", width: 14, align: "left" },
        ],
        rows,
      },
      computedBy(h),
    ],
  };
}

export function scoreSheetDocument(
  h: AgencyReportHeader,
  agencyName: string,
  lines: ScoreSheetLine[],
  totals: { self: number; appraised: number; final: number; level: ClassifiedLevel | null },
): OfficialDocument {
  const rows: TableRow[] = lines.map((l) => ({
    bold: l.depth === 0,
    cells: [
      l.code,
      `${"   ".repeat(l.depth)}${l.name}`,
      { text: points(l.max), align: "right" },
      { text: l.notApplicable ? "K/AD" : points(l.self), align: "right" },
      { text: l.notApplicable && l.appraised === null ? "K/AD" : points(l.appraised), align: "right" },
      { text: l.notApplicable && l.final === null ? "K/AD" : points(l.final), align: "right" },
      l.note,
    ],
  }));
  rows.push({
    bold: true,
    cells: [
      { text: "Tổng điểm (quy đổi thang 100)", colSpan: 3 },
      { text: points(totals.self), align: "right" },
      { text: points(totals.appraised), align: "right" },
      { text: points(totals.final), align: "right" },
      levelName(totals.level),
    ],
  });
  return {
    title: `Bảng điểm ${agencyName} năm ${h.year}`,
    header: header(h, h.ownerName),
    body: [
      { kind: "title", lines: ["BẢNG ĐIỂM ĐÁNH GIÁ, XẾP LOẠI", `${agencyName.toLocaleUpperCase("vi")} NĂM ${h.year}`] },
      { kind: "paragraph", runs: [{ text: `Nhóm: ${h.groupName}. Đợt: ${h.cycleName}.` }] },
      {
        kind: "table",
        columns: [
          { header: "Mã", width: 7, align: "left" },
          { header: "Tiêu chí", width: 40, align: "left" },
          { header: "Tối đa", width: 8, align: "right" },
          { header: "Tự chấm", width: 8, align: "right" },
          { header: "Thẩm định", width: 9, align: "right" },
          { header: "Cuối cùng", width: 9, align: "right" },
          { header: "Ghi chú", width: 19, align: "left" },
        ],
        rows,
      },
      note("K/AD: tiêu chí không áp dụng (có giải trình và minh chứng), không tính vào điểm chuẩn khi quy đổi."),
      computedBy(h),
    ],
  };
}

export function minutesDocument(
  h: AgencyReportHeader,
  members: { displayName: string; present: boolean }[],
  quorum: number,
  lines: CouncilLine[],
): OfficialDocument {
  const present = members.filter((m) => m.present);
  const absent = members.filter((m) => !m.present);
  const rows: TableRow[] = lines.map((l, i) => ({
    cells: [
      { text: String(i + 1), align: "center" },
      l.agencyName,
      { text: points(l.finalScore), align: "right" },
      levelName(l.computedLevel),
      { text: String(l.tally.excellent), align: "center" },
      { text: String(l.tally.good), align: "center" },
      { text: String(l.tally.completed), align: "center" },
      { text: String(l.tally.not_completed), align: "center" },
      l.level ? levelName(l.level) : "Chưa đủ quá nửa",
      l.note,
    ],
  }));
  return {
    title: `Biên bản họp Hội đồng thẩm định ${h.groupName} năm ${h.year}`,
    header: header(h, "Hội đồng thẩm định"),
    body: [
      { kind: "title", lines: ["BIÊN BẢN HỌP HỘI ĐỒNG THẨM ĐỊNH", `Đánh giá, xếp loại ${h.groupName} năm ${h.year}`] },
      {
        kind: "paragraph",
        runs: [
          {
            text: `Thành viên Hội đồng: ${members.length}; có mặt: ${present.length}; vắng mặt: ${absent.length}; số thành viên có mặt tối thiểu: ${quorum}.`,
          },
        ],
      },
      { kind: "paragraph", runs: [{ text: `Có mặt: ${present.map((m) => m.displayName).join(", ") || "–"}.` }] },
      ...(absent.length > 0
        ? [
            {
              kind: "paragraph" as const,
              runs: [{ text: `Vắng mặt: ${absent.map((m) => m.displayName).join(", ")}.` }],
            },
          ]
        : []),
      { kind: "heading", text: "Kết quả biểu quyết (mức được quá nửa thành viên có mặt tán thành)" },
      {
        kind: "table",
        columns: [
          { header: "TT", width: 4, align: "center" },
          { header: "Cơ quan, đơn vị", width: 22, align: "left" },
          { header: "Điểm", width: 7, align: "right" },
          { header: "Mức theo điểm", width: 14, align: "left" },
          { header: "XS", width: 4, align: "center" },
          { header: "Tốt", width: 4, align: "center" },
          { header: "HT", width: 4, align: "center" },
          { header: "KHT", width: 4, align: "center" },
          { header: "Mức xếp loại", width: 16, align: "left" },
          { header: "Ghi chú", width: 12, align: "left" },
        ],
        rows,
      },
      computedBy(h),
      {
        kind: "signatures",
        blocks: [
          { dateLine: "", title: "THƯ KÝ HỘI ĐỒNG", note: "(Ký, ghi rõ họ tên)", name: "" },
          { dateLine: "", title: "CHỦ TỊCH HỘI ĐỒNG", note: "(Ký, ghi rõ họ tên)", name: "" },
        ],
      },
    ],
  };
}

export function annexDocument(
  h: AgencyReportHeader,
  decision: { number: string | null; date: string | null },
  lines: RankingLine[],
): OfficialDocument {
  const rows: TableRow[] = lines.map((l, i) => ({
    cells: [
      { text: String(i + 1), align: "center" },
      l.agencyName,
      { text: points(l.score), align: "right" },
      { text: String(l.rank), align: "center" },
      levelName(l.level),
    ],
  }));
  const decided = decision.number
    ? `(Kèm theo Quyết định số ${decision.number} ${vietnameseDate(decision.date)} của ${h.ownerName})`
    : "(Kèm theo Quyết định số …… ngày … tháng … năm …)";
  return {
    title: `Phụ lục kết quả xếp loại ${h.groupName} năm ${h.year}`,
    header: header(h, h.ownerName),
    body: [
      {
        kind: "title",
        lines: [
          "PHỤ LỤC",
          `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ ${h.groupName.toLocaleUpperCase("vi")} NĂM ${h.year}`,
        ],
      },
      { kind: "paragraph", align: "center", runs: [{ text: decided, italic: true }] },
      {
        kind: "table",
        columns: [
          { header: "TT", width: 5, align: "center" },
          { header: "Cơ quan, đơn vị", width: 40, align: "left" },
          { header: "Tổng điểm", width: 10, align: "right" },
          { header: "Thứ hạng", width: 8, align: "center" },
          { header: "Mức xếp loại", width: 25, align: "left" },
        ],
        rows,
      },
    ],
  };
}
