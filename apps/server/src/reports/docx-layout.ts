import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from "docx";
import {
  type Align,
  type Block,
  cellOf,
  type DocumentHeader,
  fontSizes,
  HEADER_LEFT_SHARE,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  type OfficialDocument,
  pageMarginsMm,
  type Run,
  type SignatureBlock,
  type TableColumn,
  type TableRow as TableRowData,
} from "./official-document.ts";

/**
 * The Decree 30/2020/NĐ-CP administrative layout in DOCX: A4, Times New Roman, the agency
 * name top-left with its short rule, the national name and motto top-right with the motto
 * underlined, then the body and the signature blocks. Word substitutes the font where it is
 * missing, so the file needs none embedded.
 */

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const DOCX_FONT = "Times New Roman";

const A4 = { width: 210, height: 297 };
const TEXT_WIDTH_MM = A4.width - pageMarginsMm.left - pageMarginsMm.right;
const textWidth = convertMillimetersToTwip(TEXT_WIDTH_MM);
/** docx sizes are half-points. */
const half = (points: number) => points * 2;

const alignments: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const text = (run: Run, size: number = fontSizes.body) =>
  new TextRun({ text: run.text, bold: run.bold, italics: run.italic, size: half(size), font: DOCX_FONT });

const line = (runs: Run[], align: Align = "center", size: number = fontSizes.body, spacingAfter = 0) =>
  new Paragraph({
    alignment: alignments[align],
    spacing: { after: spacingAfter },
    children: runs.map((r) => text(r, size)),
  });

const borderless = (children: Paragraph[], widthMm: number) =>
  new TableCell({
    children,
    width: { size: convertMillimetersToTwip(widthMm), type: WidthType.DXA },
    borders: TableBorders.NONE,
  });

/**
 * The two-column header of Decree 30/2020 Appendix I: managing body and issuing agency (bold,
 * capitals, a short rule under it) on the left; the national name and the underlined motto on
 * the right; the place and date below the motto when the document carries one.
 */
export function decree30Header(header: DocumentHeader): (Paragraph | Table)[] {
  const leftMm = TEXT_WIDTH_MM * HEADER_LEFT_SHARE;
  const rightMm = TEXT_WIDTH_MM - leftMm;
  const ruleIndent = convertMillimetersToTwip(leftMm / 3);
  const left = [
    ...(header.parentAgency ? [line([{ text: header.parentAgency.toUpperCase() }], "center", fontSizes.heading)] : []),
    line([{ text: header.agency.toUpperCase(), bold: true }], "center", fontSizes.heading),
    // The short rule under the agency name: a bottom border on an indented empty paragraph.
    new Paragraph({
      indent: { left: ruleIndent, right: ruleIndent },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      // An exact 2 pt line keeps the rule right under the name instead of a blank line below it.
      spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
      children: [],
    }),
  ];
  const right = [
    line([{ text: NATIONAL_NAME, bold: true }], "center", fontSizes.heading),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: NATIONAL_MOTTO,
          bold: true,
          size: half(fontSizes.motto),
          font: DOCX_FONT,
          underline: { type: UnderlineType.SINGLE },
        }),
      ],
    }),
    ...(header.placeAndDate ? [line([{ text: header.placeAndDate, italic: true }], "center", fontSizes.body)] : []),
  ];
  const table = new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(leftMm), convertMillimetersToTwip(rightMm)],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [borderless(left, leftMm), borderless(right, rightMm)] })],
  });
  return [
    ...(header.formLabel ? [line([{ text: header.formLabel, italic: true }], "right", fontSizes.small, 120)] : []),
    table,
  ];
}

/**
 * Signature blocks side by side (Decree 30/2020 Appendix I, "chức vụ, họ tên và chữ ký"): the
 * date line, the role in bold capitals, the italic note, room to sign, then the name in bold.
 */
export function signatureTable(blocks: SignatureBlock[]): Table {
  const widthMm = TEXT_WIDTH_MM / blocks.length;
  const cell = (block: SignatureBlock) =>
    borderless(
      [
        line([{ text: block.dateLine, italic: true }]),
        line([{ text: block.title, bold: true }]),
        line([{ text: block.note, italic: true }]),
        ...Array.from({ length: 4 }, () => line([{ text: "" }])),
        line([{ text: block.name, bold: true }]),
      ],
      widthMm,
    );
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: blocks.map(() => convertMillimetersToTwip(widthMm)),
    borders: TableBorders.NONE,
    // The sign-off never splits across pages.
    rows: [new TableRow({ cantSplit: true, children: blocks.map(cell) })],
  });
}

function dataTable(columns: TableColumn[], rows: TableRowData[]): Table {
  const totalWeight = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.round((textWidth * c.width) / totalWeight));
  const cell = (content: string, align: Align, run: Omit<Run, "text">, span: number, width: number, size: number) =>
    new TableCell({
      columnSpan: span > 1 ? span : undefined,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [line([{ text: content, ...run }], align, size)],
    });
  const header = new TableRow({
    tableHeader: true,
    children: columns.map((c, i) => cell(c.header, "center", { bold: true }, 1, widths[i]!, fontSizes.tableHeader)),
  });
  const body = rows.map((row) => {
    let column = 0;
    const children = row.cells.map((raw) => {
      const data = cellOf(raw);
      const span = data.colSpan ?? 1;
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      const align = data.align ?? columns[column]!.align;
      column += span;
      return cell(data.text, align, { bold: data.bold ?? row.bold, italic: data.italic }, span, width, fontSizes.table);
    });
    return new TableRow({ cantSplit: true, children });
  });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
    rows: [header, ...body],
  });
}

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return block.lines.map((t, i) =>
        line(
          [{ text: t, bold: true }],
          "center",
          i === 0 ? fontSizes.title : fontSizes.body,
          i === block.lines.length - 1 ? 200 : 0,
        ),
      );
    case "heading":
      return [
        new Paragraph({
          spacing: { before: 160, after: 80 },
          keepNext: true,
          children: [text({ text: block.text, bold: true })],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment: alignments[block.align ?? "left"],
          spacing: { before: 60, after: 60 },
          children: block.runs.map((r) => text(r)),
        }),
      ];
    case "table":
      return [dataTable(block.columns, block.rows)];
    case "signatures":
      return [new Paragraph({ spacing: { before: 200 }, children: [] }), signatureTable(block.blocks)];
  }
}

/** Lays an official document out as a DOCX file. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    creator: "Thước Đo",
    title: doc.title,
    styles: { default: { document: { run: { font: DOCX_FONT, size: half(fontSizes.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(A4.width), height: convertMillimetersToTwip(A4.height) },
            margin: {
              top: convertMillimetersToTwip(pageMarginsMm.top),
              bottom: convertMillimetersToTwip(pageMarginsMm.bottom),
              left: convertMillimetersToTwip(pageMarginsMm.left),
              right: convertMillimetersToTwip(pageMarginsMm.right),
            },
          },
        },
        children: [
          ...decree30Header(doc.header),
          new Paragraph({ spacing: { after: 200 }, children: [] }),
          ...doc.body.flatMap(renderBlock),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
