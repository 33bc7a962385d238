import { levelNames } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { formatPoints, orDash, vietnameseDate } from "./format.ts";
import type { Block, OfficialDocument } from "./official-document.ts";

/**
 * Mẫu 02 (phiếu đánh giá, xếp loại chất lượng công chức, Decree 335 Appendix II): the 12 monthly
 * scores, the annual average, the self-proposed level, the Party committee's opinion for leaders
 * and the level of the competent authority. Every number comes from the live classification,
 * which `packages/core` computed; this file only lays it out.
 */
export interface Mau02Data {
  year: number;
  agency: { parentName: string | null; name: string; place: string };
  person: {
    fullName: string;
    employeeCode: string | null;
    title: string | null;
    positionName: string | null;
    unitName: string;
  };
  /** Months 1–12: the confirmed score or null, and whether it counted. */
  months: { month: number; score: number | null; counted: boolean; leave: string | null }[];
  average: number | null;
  monthsCounted: number;
  selfProposedLevel: Level | null;
  selfReport: string | null;
  partyOpinion: { opinion: string; date: string } | null;
  partyOpinionRequired: boolean;
  /** The level the classification proposes now, or the decided one. */
  level: Level | null;
  decided: { number: string; date: string } | null;
  /** Why, in words (threshold, leave, forcing record, quota, head cap). */
  reasons: string[];
  ruleSetVersion: string;
  signedOn: string | null;
  headName: string | null;
}

const leaveNames: Record<string, string> = { sick: "nghỉ ốm", maternity: "nghỉ thai sản", unpaid: "nghỉ không lương" };

const monthTable = (data: Mau02Data): Block => ({
  kind: "table",
  columns: [
    { header: "Tháng", width: 1, align: "center" },
    { header: "Tổng điểm đánh giá", width: 2, align: "center" },
    { header: "Ghi chú", width: 3, align: "left" },
  ],
  rows: [
    ...data.months.map((m) => ({
      cells: [
        String(m.month),
        orDash(m.score, formatPoints),
        m.leave
          ? (leaveNames[m.leave] ?? m.leave)
          : m.score !== null && !m.counted
            ? "trước tháng bắt đầu chấm điểm"
            : "",
      ],
    })),
    {
      bold: true,
      cells: [
        { text: "Tổng điểm trung bình cả năm", colSpan: 1, bold: true },
        { text: orDash(data.average, formatPoints), bold: true, align: "center" },
        { text: `trung bình cộng của ${data.monthsCounted} tháng có kết quả (Điều 17.3)`, italic: true },
      ],
    },
  ],
});

const levelText = (level: Level | null) => (level ? levelNames[level] : "Chưa xác định");

const paragraph = (text: string, italic = false): Block => ({ kind: "paragraph", runs: [{ text, italic }] });

export function mau02Document(data: Mau02Data): OfficialDocument {
  const { person, agency } = data;
  const body: Block[] = [
    { kind: "title", lines: ["PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC", `Năm ${data.year}`] },
    paragraph(`Họ và tên: ${person.fullName}${person.employeeCode ? ` (mã ${person.employeeCode})` : ""}`),
    paragraph(`Chức vụ: ${person.title ?? "–"}`),
    paragraph(`Vị trí việc làm: ${person.positionName ?? "–"}`),
    paragraph(`Đơn vị công tác: ${person.unitName}`),
    { kind: "heading", text: "I. KẾT QUẢ THEO DÕI, ĐÁNH GIÁ CÁC THÁNG TRONG NĂM" },
    monthTable(data),
    { kind: "heading", text: "II. CÔNG CHỨC TỰ NHẬN XÉT, TỰ XẾP LOẠI" },
    paragraph(data.selfReport ?? "……………………………………………………………………"),
    paragraph(`Tự xếp loại: ${data.selfProposedLevel ? levelNames[data.selfProposedLevel] : "……………………"}`),
  ];
  if (data.partyOpinionRequired) {
    body.push(
      { kind: "heading", text: "III. Ý KIẾN CỦA CẤP ỦY" },
      paragraph(
        data.partyOpinion ? `${data.partyOpinion.opinion} (${vietnameseDate(data.partyOpinion.date)})` : "……………………",
      ),
    );
  }
  body.push(
    { kind: "heading", text: `${data.partyOpinionRequired ? "IV" : "III"}. KẾT QUẢ XẾP LOẠI CỦA CẤP CÓ THẨM QUYỀN` },
    paragraph(`Xếp loại: ${levelText(data.level)}`),
    ...data.reasons.map((r) => paragraph(`– ${r}`, true)),
    paragraph(
      data.decided
        ? `Theo Quyết định số ${data.decided.number} ${vietnameseDate(data.decided.date)}.`
        : "Mức đề xuất, chưa có quyết định của cấp có thẩm quyền.",
      true,
    ),
    paragraph(`Điểm do phần mềm tính theo bộ quy tắc ${data.ruleSetVersion}.`, true),
    {
      kind: "signatures",
      blocks: [
        {
          dateLine: `${agency.place}, ${vietnameseDate(data.signedOn)}`,
          title: "CÔNG CHỨC TỰ ĐÁNH GIÁ",
          note: "(Ký, ghi rõ họ tên)",
          name: person.fullName,
        },
        {
          dateLine: `${agency.place}, ${vietnameseDate(data.decided?.date ?? null)}`,
          title: "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ",
          note: "(Ký, ghi rõ họ tên)",
          name: data.headName ?? "",
        },
      ],
    },
  );
  return {
    title: `Phiếu đánh giá, xếp loại chất lượng công chức — ${person.fullName} — năm ${data.year}`,
    header: {
      parentAgency: agency.parentName,
      agency: agency.name,
      formLabel: "Mẫu số 02 – Phụ lục II Nghị định số 335/2025/NĐ-CP",
    },
    body,
  };
}
