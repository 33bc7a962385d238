import { type AssignmentSource, generalCriteria, generalPoints, type LeaderRole, Rational } from "@thuocdo/core";
import {
  formatDecimal,
  formatPercent,
  formatPoints,
  orDash,
  type PeriodRef,
  periodLabel,
  vietnameseDate,
} from "./format.ts";
import type { Block, OfficialDocument, TableRow } from "./official-document.ts";

/**
 * Mẫu số 01 (Decree 335, Appendix II) — phiếu theo dõi, đánh giá công chức — as plain data.
 * Every number is what the stored evaluation says (the core's output, made plain); the form
 * only lays it out. Dates are ISO strings.
 */
export interface Mau01Data {
  agency: { parentName: string | null; name: string; place: string };
  period: PeriodRef;
  person: {
    fullName: string;
    employeeCode: string;
    title: string;
    positionName: string;
    unitName: string;
    leaderRole: LeaderRole;
  };
  /** draft | submitted | confirmed | head_confirmed: anything before confirmed prints as provisional. */
  status: string;
  /** Points per sub-criterion code ("I.1" … "III.4"), or null when not entered yet. */
  selfScores: Readonly<Record<string, number>> | null;
  confirmedScores: Readonly<Record<string, number>> | null;
  lines: Mau01Line[];
  /** Null when the core could not score the period (nothing assigned, Art. 14.2). */
  result: Mau01Result | null;
  organizingReason: string | null;
  unityReason: string | null;
  selfAssessment: string | null;
  managerComment: string | null;
  selfSignedOn: string | null;
  evaluator: { name: string | null; signedOn: string | null };
}

/** One product line of the period: what was assigned and what it earned. */
export interface Mau01Line {
  code: string;
  name: string;
  source: AssignmentSource;
  coefficient: number;
  quantityAssigned: number;
  quantityCompleted: number;
  convertedCompleted: number;
  qualityCredit: number;
  progressCredit: number;
}

/** The stored result of the period (Decree 335 Art. 14–17), values as the core computed them. */
export interface Mau01Result {
  ruleSetVersion: string;
  /** Which general points the total used: the confirmed ones, or (before confirmation) the self score. */
  generalSource: "confirmed" | "self" | "none";
  assignedTotal: number;
  quantityCredit: number;
  qualityCredit: number;
  progressCredit: number;
  a: number;
  b: number;
  c: number;
  d: number | null;
  dd: number | null;
  e: number | null;
  taskScore: number;
  taskPointsUncapped: number;
  taskPoints: number;
  taskPointsCap: number | null;
  general: number;
  total: number;
}

const sourceNotes: Record<AssignmentSource, string> = {
  planned: "",
  adhoc: " (phát sinh)",
  taken_over: " (nhận thay)",
};

const CONFIRMED_STATUSES = new Set(["confirmed", "head_confirmed"]);

/** Exact sum of some sub-criteria scores, or null when any is missing (a criterion's subtotal). */
function subtotal(scores: Readonly<Record<string, number>> | null, codes: readonly string[]): number | null {
  if (!scores) return null;
  const values = codes.map((code) => scores[code]);
  if (values.some((v) => v === undefined)) return null;
  return Rational.sum(values.map((v) => Rational.from(v as number))).toNumber();
}

/** Total general points from the core's own check-and-sum, or null when incomplete or out of range. */
function generalTotal(scores: Readonly<Record<string, number>> | null): number | null {
  if (!scores) return null;
  const total = generalPoints(scores);
  return total.ok ? total.value.toNumber() : null;
}

function generalTable(data: Mau01Data): Block {
  const rows: TableRow[] = [];
  for (const criterion of generalCriteria) {
    const codes = criterion.subCriteria.map((s) => s.code);
    rows.push({
      bold: true,
      cells: [
        { text: criterion.code, align: "center" },
        criterion.name,
        formatPoints(criterion.max),
        orDash(subtotal(data.selfScores, codes), formatPoints),
        orDash(subtotal(data.confirmedScores, codes), formatPoints),
      ],
    });
    criterion.subCriteria.forEach((sub, i) => {
      rows.push({
        cells: [
          { text: String(i + 1), align: "center" },
          sub.name,
          formatPoints(sub.max),
          orDash(data.selfScores?.[sub.code], formatPoints),
          orDash(data.confirmedScores?.[sub.code], formatPoints),
        ],
      });
    });
  }
  rows.push({
    bold: true,
    cells: [
      { text: "Cộng tiêu chí chung", colSpan: 2, align: "center" },
      formatPoints(30),
      orDash(generalTotal(data.selfScores), formatPoints),
      orDash(
        data.result?.generalSource === "confirmed" ? data.result.general : generalTotal(data.confirmedScores),
        formatPoints,
      ),
    ],
  });
  return {
    kind: "table",
    columns: [
      { header: "STT", width: 7, align: "center" },
      { header: "Tiêu chí", width: 57, align: "left" },
      { header: "Điểm tối đa", width: 12, align: "right" },
      { header: "Điểm tự chấm", width: 12, align: "right" },
      { header: "Điểm xác nhận", width: 12, align: "right" },
    ],
    rows,
  };
}

function linesTable(data: Mau01Data): Block {
  const rows: TableRow[] = data.lines.map((line, i) => ({
    cells: [
      String(i + 1),
      line.code,
      `${line.name}${sourceNotes[line.source]}`,
      formatDecimal(line.coefficient),
      formatDecimal(line.quantityAssigned),
      formatDecimal(line.quantityCompleted),
      formatPoints(line.convertedCompleted),
      formatPoints(line.qualityCredit),
      formatPoints(line.progressCredit),
    ],
  }));
  if (rows.length === 0) {
    rows.push({ cells: [{ text: "Không có sản phẩm, công việc được giao trong kỳ.", colSpan: 9, italic: true }] });
  }
  const result = data.result;
  rows.push({
    bold: true,
    cells: [
      { text: "Cộng", colSpan: 6, align: "center" },
      orDash(result?.quantityCredit, formatPoints),
      orDash(result?.qualityCredit, formatPoints),
      orDash(result?.progressCredit, formatPoints),
    ],
  });
  return {
    kind: "table",
    columns: [
      { header: "STT", width: 6, align: "center" },
      { header: "Mã", width: 11, align: "left" },
      { header: "Sản phẩm, công việc", width: 22, align: "left" },
      { header: "Hệ số", width: 8, align: "right" },
      { header: "Số lượng giao", width: 10, align: "right" },
      { header: "Số lượng hoàn thành", width: 11, align: "right" },
      { header: "Quy đổi hoàn thành", width: 11, align: "right" },
      { header: "Điểm chất lượng", width: 11, align: "right" },
      { header: "Điểm tiến độ", width: 10, align: "right" },
    ],
    rows,
  };
}

const withReason = (label: string, reason: string | null) => (reason ? `${label} — Lý do: ${reason}` : label);

function resultTable(data: Mau01Data): Block {
  const r = data.result;
  const leader = r !== null && r.d !== null;
  const rows: [string, string][] = [
    ["Tổng khối lượng sản phẩm quy đổi được giao (A)", orDash(r?.assignedTotal, formatPoints)],
    ["a) Số lượng = khối lượng quy đổi hoàn thành ÷ A", orDash(r?.a, formatPercent)],
    ["b) Chất lượng = khối lượng quy đổi đạt yêu cầu chất lượng ÷ A", orDash(r?.b, formatPercent)],
    ["c) Tiến độ = khối lượng quy đổi đạt tiến độ ÷ A", orDash(r?.c, formatPercent)],
  ];
  if (leader) {
    rows.push(
      ["d) Kết quả hoạt động của cơ quan, tổ chức, đơn vị", orDash(r.d, formatPercent)],
      [
        withReason("đ) Khả năng tổ chức triển khai thực hiện nhiệm vụ", data.organizingReason),
        orDash(r.dd, formatPercent),
      ],
      [withReason("e) Năng lực tập hợp, đoàn kết công chức", data.unityReason), orDash(r.e, formatPercent)],
    );
  }
  rows.push(
    [
      leader ? "Tỷ lệ thực hiện nhiệm vụ = (a + b + c + d + đ + e) ÷ 6" : "Tỷ lệ thực hiện nhiệm vụ = (a + b + c) ÷ 3",
      orDash(r?.taskScore, formatPercent),
    ],
    ["Điểm kết quả thực hiện nhiệm vụ trước giới hạn = 70 × tỷ lệ", orDash(r?.taskPointsUncapped, formatPoints)],
    [
      r?.taskPointsCap != null
        ? `Điểm kết quả thực hiện nhiệm vụ (tối đa ${formatDecimal(r.taskPointsCap)} điểm)`
        : "Điểm kết quả thực hiện nhiệm vụ",
      orDash(r?.taskPoints, formatPoints),
    ],
  );
  return {
    kind: "table",
    columns: [
      { header: "Chỉ tiêu", width: 78, align: "left" },
      { header: "Kết quả", width: 22, align: "right" },
    ],
    rows: rows.map(([label, value], i) => ({ cells: [label, value], bold: i === rows.length - 1 })),
  };
}

function totalTable(data: Mau01Data): Block {
  const r = data.result;
  return {
    kind: "table",
    columns: [
      { header: "Nội dung", width: 78, align: "left" },
      { header: "Điểm", width: 22, align: "right" },
    ],
    rows: [
      {
        cells: [
          r?.generalSource === "self" ? "Điểm tiêu chí chung (I) — theo điểm tự chấm" : "Điểm tiêu chí chung (I)",
          orDash(r?.general, formatPoints),
        ],
      },
      { cells: ["Điểm tiêu chí về kết quả thực hiện nhiệm vụ (II)", orDash(r?.taskPoints, formatPoints)] },
      { bold: true, cells: ["Tổng điểm (I + II)", orDash(r?.total, formatPoints)] },
    ],
  };
}

const textOrBlank = (text: string | null): Block => ({
  kind: "paragraph",
  align: "justify",
  runs: [{ text: text?.trim() ? text.trim() : "……………………………………………………………………………………", italic: !text?.trim() }],
});

const field = (label: string, value: string): Block => ({
  kind: "paragraph",
  runs: [{ text: `${label}: ` }, { text: value, bold: true }],
});

/** The words and numbers of Mẫu 01, laid out by `docx-layout.ts` and `pdf-layout.ts` alike. */
export function mau01Document(data: Mau01Data): OfficialDocument {
  const { person, agency } = data;
  const body: Block[] = [
    { kind: "title", lines: ["PHIẾU THEO DÕI, ĐÁNH GIÁ CÔNG CHỨC", periodLabel(data.period)] },
    field("Họ và tên", `${person.fullName} (mã ${person.employeeCode})`),
    field("Chức vụ", person.title),
    field("Vị trí việc làm", person.positionName),
    field("Đơn vị công tác", person.unitName),
  ];
  if (!CONFIRMED_STATUSES.has(data.status)) {
    body.push({
      kind: "paragraph",
      runs: [{ text: "Phiếu chưa được người đánh giá xác nhận: số liệu tạm tính.", italic: true }],
    });
  }
  body.push(
    { kind: "heading", text: "I. TIÊU CHÍ CHUNG (tối đa 30 điểm)" },
    generalTable(data),
    { kind: "heading", text: "II. TIÊU CHÍ VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ (tối đa 70 điểm)" },
    { kind: "paragraph", runs: [{ text: "1. Sản phẩm, công việc được giao và kết quả thực hiện", bold: true }] },
    linesTable(data),
    { kind: "paragraph", runs: [{ text: "2. Kết quả thực hiện nhiệm vụ", bold: true }] },
  );
  if (data.result === null) {
    body.push({
      kind: "paragraph",
      runs: [{ text: "Chưa tính được điểm: trong kỳ chưa được giao sản phẩm, công việc theo kế hoạch.", italic: true }],
    });
  }
  body.push(resultTable(data), { kind: "heading", text: "III. TỔNG ĐIỂM" }, totalTable(data));
  if (data.result) {
    body.push({
      kind: "paragraph",
      runs: [{ text: `Điểm do phần mềm tính theo bộ quy tắc ${data.result.ruleSetVersion}.`, italic: true }],
    });
  }
  body.push(
    { kind: "heading", text: "IV. CÔNG CHỨC TỰ NHẬN XÉT" },
    textOrBlank(data.selfAssessment),
    { kind: "heading", text: "V. NHẬN XÉT, ĐÁNH GIÁ CỦA NGƯỜI ĐÁNH GIÁ" },
    textOrBlank(data.managerComment),
    {
      kind: "signatures",
      blocks: [
        {
          dateLine: `${agency.place}, ${vietnameseDate(data.selfSignedOn)}`,
          title: "NGƯỜI TỰ ĐÁNH GIÁ",
          note: "(Ký, ghi rõ họ tên)",
          name: person.fullName,
        },
        {
          dateLine: `${agency.place}, ${vietnameseDate(data.evaluator.signedOn)}`,
          title: "NGƯỜI ĐÁNH GIÁ",
          note: "(Ký, ghi rõ họ tên)",
          name: data.evaluator.name ?? "",
        },
      ],
    },
  );
  return {
    title: `Phiếu theo dõi, đánh giá công chức — ${person.fullName} — ${periodLabel(data.period)}`,
    header: {
      parentAgency: agency.parentName,
      agency: agency.name,
      formLabel: "Mẫu số 01 – Phụ lục II Nghị định số 335/2025/NĐ-CP",
    },
    body,
  };
}
