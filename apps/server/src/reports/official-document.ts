/**
 * An official output (Mẫu 01, Mẫu 02, decisions, reports) as format-neutral blocks. Each form
 * builds one of these from its data; `docx-layout.ts` and `pdf-layout.ts` lay it out in the
 * Decree 30/2020/NĐ-CP administrative format. The DOCX and the PDF therefore always carry the
 * same words and numbers: the content is written once.
 */

export type Align = "left" | "center" | "right" | "justify";

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Cơ quan ban hành: the managing body above (chủ quản), when there is one, and the issuing agency. */
export interface DocumentHeader {
  parentAgency: string | null;
  agency: string;
  /** Small italic label above the motto, e.g. "Mẫu số 01 – Phụ lục II Nghị định số 335/2025/NĐ-CP". */
  formLabel?: string;
  /** "Nguyệt An, ngày 05 tháng 3 năm 2026" under the motto; omitted when the form dates its signatures instead. */
  placeAndDate?: string;
}

export interface TableCell {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: Align;
  colSpan?: number;
}

export interface TableColumn {
  header: string;
  /** Relative width; the layout scales the columns to the text width. */
  width: number;
  align: Align;
}

export interface TableRow {
  cells: (string | TableCell)[];
  bold?: boolean;
}

/** The sign-off of one party: date line, role in capitals, the "(Ký, ghi rõ họ tên)" note, then the name. */
export interface SignatureBlock {
  dateLine: string;
  title: string;
  note: string;
  name: string;
}

export type Block =
  | { kind: "title"; lines: string[] }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; runs: Run[]; align?: Align }
  | { kind: "table"; columns: TableColumn[]; rows: TableRow[] }
  | { kind: "signatures"; blocks: SignatureBlock[] };

export interface OfficialDocument {
  /** Document metadata title (file properties). */
  title: string;
  header: DocumentHeader;
  body: Block[];
}

export const cellOf = (cell: string | TableCell): TableCell => (typeof cell === "string" ? { text: cell } : cell);

/** Font sizes in points (Decree 30/2020 Appendix I: Times New Roman 13–14; dense tables one size down, their headers two). */
export const fontSizes = {
  body: 13,
  /** Agency names and the national name: capitals, 12–13 (Decree 30/2020 Appendix I). */
  heading: 12,
  /** The motto: 13–14. */
  motto: 13,
  title: 14,
  table: 12,
  tableHeader: 11,
  small: 11,
} as const;

/** Share of the text width the agency column of the header takes; the national name needs the rest. */
export const HEADER_LEFT_SHARE = 0.4;

/** A4 with Decree 30/2020 margins, in millimetres: top/bottom 20, left 30, right 15. */
export const pageMarginsMm = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";
