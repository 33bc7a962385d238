import { levelNames } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { formatPoints, orDash, vietnameseDate } from "./format.ts";
import type { Block, OfficialDocument } from "./official-document.ts";

/**
 * The draft decision on the year's classification (Decree 335 Art. 21.1.d, 21.2) with its annex
 * list, for the head to sign. The levels are the classification's (core-computed, after quota).
 */
export interface DecisionDraftData {
  year: number;
  agency: { parentName: string | null; name: string; place: string };
  /** "Chủ tịch Ủy ban nhân dân xã Nguyệt An", who decides. */
  authorityTitle: string;
  /** The signature's title: "CHỦ TỊCH", "GIÁM ĐỐC". */
  signerTitle: string;
  /** The full number ("45/QĐ-UBND"), or null for a draft. */
  number: string | null;
  date: string | null;
  /** Set when this decision replaces an earlier one (Art. 21.3). */
  replaces: { number: string; date: string; reason: string | null } | null;
  rows: { fullName: string; title: string | null; unitName: string; average: number | null; level: Level }[];
  signerName: string | null;
}

const order: Level[] = ["excellent", "good", "completed", "not_completed", "unclassified"];
const p = (text: string, bold = false): Block => ({ kind: "paragraph", runs: [{ text, bold }], align: "justify" });

export function decisionDraftDocument(data: DecisionDraftData): OfficialDocument {
  const counts = order.map((level) => [level, data.rows.filter((r) => r.level === level).length] as const);
  const number = data.number ?? "      /QĐ-UBND";
  const body: Block[] = [
    p(`Số: ${number}`),
    { kind: "title", lines: ["QUYẾT ĐỊNH", `Về việc xếp loại chất lượng công chức năm ${data.year}`] },
    { kind: "title", lines: [data.authorityTitle.toUpperCase()] },
    p("Căn cứ Luật Cán bộ, công chức;"),
    p(
      "Căn cứ Nghị định số 335/2025/NĐ-CP ngày 21/12/2025 của Chính phủ quy định về đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước và công chức;",
    ),
    p(
      "Căn cứ kết quả theo dõi, đánh giá hằng tháng, biên bản cuộc họp đánh giá và đề xuất của cơ quan tham mưu về công tác cán bộ.",
    ),
    { kind: "title", lines: ["QUYẾT ĐỊNH:"] },
    p(
      `Điều 1. Xếp loại chất lượng năm ${data.year} đối với ${data.rows.length} công chức của ${data.agency.name} (có danh sách kèm theo), gồm: ${counts
        .filter(([, n]) => n > 0)
        .map(([level, n]) => `${levelNames[level]}: ${n}`)
        .join("; ")}.`,
    ),
  ];
  if (data.replaces) {
    body.push(
      p(
        `Quyết định này thay thế Quyết định số ${data.replaces.number} ${vietnameseDate(data.replaces.date)} (Điều 21.3 Nghị định số 335/2025/NĐ-CP)${data.replaces.reason ? `; lý do: ${data.replaces.reason}` : ""}.`,
      ),
    );
  }
  body.push(
    p("Điều 2. Kết quả xếp loại được thông báo đến từng công chức và công khai theo quy định."),
    p(
      "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
    ),
    {
      kind: "signatures",
      blocks: [
        {
          dateLine: `${data.agency.place}, ${vietnameseDate(data.date)}`,
          title: data.signerTitle,
          note: "(Ký, ghi rõ họ tên, đóng dấu)",
          name: data.signerName ?? "",
        },
      ],
    },
    {
      kind: "title",
      lines: [
        `DANH SÁCH XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC NĂM ${data.year}`,
        `(Kèm theo Quyết định số ${number} ${vietnameseDate(data.date)})`,
      ],
    },
    {
      kind: "table",
      columns: [
        { header: "STT", width: 1, align: "center" },
        { header: "Họ và tên", width: 4, align: "left" },
        { header: "Chức vụ", width: 3, align: "left" },
        { header: "Đơn vị", width: 4, align: "left" },
        { header: "Điểm trung bình", width: 2, align: "center" },
        { header: "Mức xếp loại", width: 4, align: "left" },
      ],
      rows: data.rows.map((r, i) => ({
        cells: [
          String(i + 1),
          r.fullName,
          r.title ?? "",
          r.unitName,
          orDash(r.average, formatPoints),
          levelNames[r.level],
        ],
      })),
    },
  );
  return {
    title: `Dự thảo quyết định xếp loại chất lượng công chức năm ${data.year} — ${data.agency.name}`,
    header: { parentAgency: data.agency.parentName, agency: data.agency.name },
    body,
  };
}
