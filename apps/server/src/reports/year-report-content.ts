import { levelNames, type NarrativeKey } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { formatPercent, formatPoints, orDash, vietnameseDate } from "./format.ts";
import type { Block, OfficialDocument } from "./official-document.ts";

/**
 * The agency's implementation report to Sở Nội vụ, in the shape of the commune's 2026 report
 * (bao-cao-nguyet-an-2026: opening, sections I–VI, "Nơi nhận", signature), Decree 30/2020 layout.
 * The narrative is the agency's own (stored, editable); section II carries the figures from data.
 */
export interface ImplementationReportData {
  year: number;
  agency: { parentName: string | null; name: string; place: string };
  documentNumber: string | null;
  date: string | null;
  sections: Record<NarrativeKey, string>;
  recipients: string[];
  signerTitle: string | null;
  signerName: string | null;
  figures: {
    positions: number;
    catalogItems: number;
    /** Products delivered in the year by field (the catalog's division or section). */
    productsByField: { field: string; deliveries: number; quantity: number }[];
    evaluations: { expected: number; confirmed: number; onTime: number };
    levels: Record<string, number>;
    levelsSource: "decision" | "live";
  };
}

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n|\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: "paragraph" as const, runs: [{ text: t }], align: "justify" as const }));

const order: Level[] = ["excellent", "good", "completed", "not_completed", "unclassified"];

function figures(data: ImplementationReportData): Block[] {
  const f = data.figures;
  const total = order.reduce((n, l) => n + (f.levels[l] ?? 0), 0);
  const share = (n: number, of: number) => (of > 0 ? formatPercent(n / of) : "–");
  return [
    { kind: "paragraph", runs: [{ text: "Kết quả bằng số liệu (tổng hợp từ phần mềm):", bold: true }] },
    {
      kind: "paragraph",
      runs: [
        {
          text: `– Rà soát ${f.positions} vị trí việc làm; danh mục sản phẩm, công việc gồm ${f.catalogItems} sản phẩm đã được phê duyệt.`,
        },
      ],
    },
    {
      kind: "paragraph",
      runs: [
        {
          text: `– Phiếu theo dõi, đánh giá trong năm: ${f.evaluations.confirmed}/${f.evaluations.expected} phiếu đã được xác nhận (${share(f.evaluations.confirmed, f.evaluations.expected)}), trong đó ${f.evaluations.onTime} phiếu xác nhận đúng hạn (${share(f.evaluations.onTime, f.evaluations.expected)}).`,
        },
      ],
    },
    {
      kind: "table",
      columns: [
        { header: "Lĩnh vực", width: 5, align: "left" },
        { header: "Số lần ghi nhận sản phẩm", width: 2, align: "center" },
        { header: "Số lượng sản phẩm", width: 2, align: "center" },
      ],
      rows: f.productsByField.length
        ? f.productsByField.map((p) => ({ cells: [p.field, String(p.deliveries), formatPoints(p.quantity)] }))
        : [{ cells: [{ text: "Chưa có sản phẩm được ghi nhận trong năm.", colSpan: 3, italic: true }] }],
    },
    {
      kind: "paragraph",
      runs: [
        {
          text: `– Xếp loại chất lượng công chức năm ${data.year} (${f.levelsSource === "decision" ? "theo quyết định" : "kết quả tạm tính"}):`,
        },
      ],
    },
    {
      kind: "table",
      columns: [
        { header: "Mức xếp loại", width: 5, align: "left" },
        { header: "Số người", width: 2, align: "center" },
        { header: "Tỷ lệ", width: 2, align: "center" },
      ],
      rows: [
        ...order.map((l) => ({ cells: [levelNames[l], String(f.levels[l] ?? 0), share(f.levels[l] ?? 0, total)] })),
        { bold: true, cells: ["Tổng số", String(total), orDash(total > 0 ? 1 : null, formatPercent)] },
      ],
    },
  ];
}

export function implementationReportDocument(data: ImplementationReportData): OfficialDocument {
  const s = data.sections;
  const body: Block[] = [
    { kind: "paragraph", runs: [{ text: `Số: ${data.documentNumber ?? "      "}/BC-UBND` }] },
    {
      kind: "title",
      lines: [
        "BÁO CÁO",
        `Tình hình triển khai đánh giá và xếp loại chất lượng tổ chức, công chức năm ${data.year} của ${data.agency.name}`,
      ],
    },
    ...paragraphs(s.intro),
    { kind: "heading", text: "I. Bối cảnh và cơ sở pháp lý" },
    ...paragraphs(s.context),
    { kind: "heading", text: "II. Quá trình và kết quả triển khai thực hiện" },
    ...paragraphs(s.implementation),
    ...figures(data),
    { kind: "heading", text: "III. Tiêu chí và phương pháp đánh giá" },
    ...paragraphs(s.criteria),
    { kind: "heading", text: "IV. Đánh giá chung" },
    ...paragraphs(s.assessment),
    { kind: "heading", text: "V. Kiến nghị, đề xuất" },
    ...paragraphs(s.proposals),
    { kind: "heading", text: "VI. Kết luận" },
    ...paragraphs(s.conclusion),
    { kind: "paragraph", runs: [{ text: "Nơi nhận:", bold: true, italic: true }] },
    ...data.recipients.map((r) => ({ kind: "paragraph" as const, runs: [{ text: `- ${r}` }] })),
    {
      kind: "signatures",
      blocks: [
        {
          dateLine: `${data.agency.place}, ${vietnameseDate(data.date)}`,
          title: data.signerTitle ?? "CHỦ TỊCH",
          note: "(Ký, ghi rõ họ tên, đóng dấu)",
          name: data.signerName ?? "",
        },
      ],
    },
  ];
  return {
    title: `Báo cáo triển khai đánh giá, xếp loại năm ${data.year} — ${data.agency.name}`,
    header: { parentAgency: data.agency.parentName, agency: data.agency.name },
    body,
  };
}
