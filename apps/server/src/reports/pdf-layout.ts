import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
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
  type TableRow,
} from "./official-document.ts";

/**
 * The Decree 30/2020/NĐ-CP layout in PDF, drawn with pdfkit. The fonts are Liberation Serif 2.x
 * (Times New Roman metrics, full Vietnamese coverage, SIL OFL 1.1), shipped in
 * `apps/server/assets/fonts` and embedded in every file, so no system font is needed.
 */

export const PDF_MIME = "application/pdf";

const fontDir = new URL("../../assets/fonts/", import.meta.url);
const fontFiles = {
  regular: "LiberationSerif-Regular.ttf",
  bold: "LiberationSerif-Bold.ttf",
  italic: "LiberationSerif-Italic.ttf",
};
type FontName = keyof typeof fontFiles;

let fontCache: Record<FontName, Buffer> | null = null;
function fonts(): Record<FontName, Buffer> {
  fontCache ??= {
    regular: readFileSync(new URL(fontFiles.regular, fontDir)),
    bold: readFileSync(new URL(fontFiles.bold, fontDir)),
    italic: readFileSync(new URL(fontFiles.italic, fontDir)),
  };
  return fontCache;
}

const mm = (value: number) => (value * 72) / 25.4;
const CELL_PAD_X = 2.5;
const CELL_PAD_Y = 2;

const fontOf = (run: Pick<Run, "bold" | "italic">): FontName => (run.bold ? "bold" : run.italic ? "italic" : "regular");

type Doc = PDFKit.PDFDocument;

interface PdfCell {
  text: string;
  bold: boolean;
  italic: boolean;
  width: number;
  align: Align;
}

class Layout {
  readonly left: number;
  readonly width: number;

  constructor(readonly doc: Doc) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  use(run: Pick<Run, "bold" | "italic">, size: number): Doc {
    return this.doc.font(fontOf(run)).fontSize(size);
  }

  /** Starts a new page when `height` does not fit below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Text of mixed runs in one paragraph, wrapped to `width` at `x`. */
  runs(runs: Run[], x: number, width: number, align: Align, size: number): void {
    runs.forEach((run, i) => {
      this.use(run, size).text(run.text, i === 0 ? x : undefined, i === 0 ? this.doc.y : undefined, {
        width,
        align,
        continued: i < runs.length - 1,
      });
    });
  }

  centered(run: Run, x: number, width: number, size: number): void {
    this.use(run, size).text(run.text, x, this.doc.y, { width, align: "center" });
  }

  header(header: DocumentHeader): void {
    const { doc } = this;
    if (header.formLabel) {
      this.use({ italic: true }, fontSizes.small).text(header.formLabel, this.left, doc.y, {
        width: this.width,
        align: "right",
      });
      doc.moveDown(0.4);
    }
    const top = doc.y;
    const leftWidth = this.width * HEADER_LEFT_SHARE;
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;

    if (header.parentAgency)
      this.centered({ text: header.parentAgency.toUpperCase() }, this.left, leftWidth, fontSizes.heading);
    this.centered({ text: header.agency.toUpperCase(), bold: true }, this.left, leftWidth, fontSizes.heading);
    const ruleY = doc.y + 3;
    doc
      .moveTo(this.left + leftWidth / 3, ruleY)
      .lineTo(this.left + (2 * leftWidth) / 3, ruleY)
      .lineWidth(0.6)
      .stroke();
    const leftBottom = ruleY;

    doc.y = top;
    this.centered({ text: NATIONAL_NAME, bold: true }, rightX, rightWidth, fontSizes.heading);
    this.centered({ text: NATIONAL_MOTTO, bold: true }, rightX, rightWidth, fontSizes.motto);
    // The motto's rule is as long as the motto itself (Decree 30/2020 Appendix I).
    const mottoWidth = this.use({ bold: true }, fontSizes.motto).widthOfString(NATIONAL_MOTTO);
    const mottoRuleY = doc.y + 2;
    doc
      .moveTo(rightX + (rightWidth - mottoWidth) / 2, mottoRuleY)
      .lineTo(rightX + (rightWidth + mottoWidth) / 2, mottoRuleY)
      .lineWidth(0.6)
      .stroke();
    doc.y = mottoRuleY + 4;
    if (header.placeAndDate)
      this.centered({ text: header.placeAndDate, italic: true }, rightX, rightWidth, fontSizes.body);
    doc.x = this.left;
    doc.y = Math.max(doc.y, leftBottom) + 18;
  }

  private rowHeight(cells: PdfCell[], size: number): number {
    return Math.max(
      ...cells.map(
        (c) => this.use(c, size).heightOfString(c.text || " ", { width: c.width - 2 * CELL_PAD_X }) + 2 * CELL_PAD_Y,
      ),
    );
  }

  private drawRow(cells: PdfCell[], height: number, size: number): void {
    const { doc } = this;
    const y = doc.y;
    let x = this.left;
    for (const c of cells) {
      doc.lineWidth(0.5).rect(x, y, c.width, height).stroke();
      this.use(c, size).text(c.text, x + CELL_PAD_X, y + CELL_PAD_Y, {
        width: c.width - 2 * CELL_PAD_X,
        align: c.align,
      });
      x += c.width;
    }
    doc.x = this.left;
    doc.y = y + height;
  }

  /** A bordered table whose header row repeats on each page it runs onto. */
  table(columns: TableColumn[], rows: TableRow[]): void {
    const totalWeight = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (this.width * c.width) / totalWeight);
    const header = columns.map((c, i) => ({
      text: c.header,
      bold: true,
      italic: false,
      width: widths[i]!,
      align: "center" as Align,
    }));
    const headerHeight = this.rowHeight(header, fontSizes.tableHeader);
    const body = rows.map((row) => {
      let column = 0;
      return row.cells.map((raw) => {
        const cell = cellOf(raw);
        const span = cell.colSpan ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        const align = cell.align ?? columns[column]!.align;
        column += span;
        return { text: cell.text, bold: Boolean(cell.bold ?? row.bold), italic: Boolean(cell.italic), width, align };
      });
    });
    this.ensure(headerHeight + (body[0] ? this.rowHeight(body[0], fontSizes.table) : 0));
    this.drawRow(header, headerHeight, fontSizes.tableHeader);
    for (const cells of body) {
      const height = this.rowHeight(cells, fontSizes.table);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        this.drawRow(header, headerHeight, fontSizes.tableHeader);
      }
      this.drawRow(cells, height, fontSizes.table);
    }
    this.doc.moveDown(0.4);
  }

  signatures(blocks: SignatureBlock[]): void {
    const { doc } = this;
    const lineHeight = this.use({}, fontSizes.body).currentLineHeight(true);
    this.ensure(lineHeight * 9);
    doc.moveDown(0.8);
    const top = doc.y;
    const width = this.width / blocks.length;
    let lowest = top;
    blocks.forEach((block, i) => {
      const x = this.left + i * width;
      doc.y = top;
      this.centered({ text: block.dateLine, italic: true }, x, width, fontSizes.body);
      this.centered({ text: block.title, bold: true }, x, width, fontSizes.body);
      this.centered({ text: block.note, italic: true }, x, width, fontSizes.body);
      doc.y += lineHeight * 4;
      this.centered({ text: block.name || " ", bold: true }, x, width, fontSizes.body);
      lowest = Math.max(lowest, doc.y);
    });
    doc.x = this.left;
    doc.y = lowest;
  }

  block(block: Block): void {
    const { doc } = this;
    switch (block.kind) {
      case "title":
        block.lines.forEach((line, i) => {
          this.centered({ text: line, bold: true }, this.left, this.width, i === 0 ? fontSizes.title : fontSizes.body);
        });
        doc.moveDown(0.8);
        return;
      case "heading":
        this.ensure(this.use({ bold: true }, fontSizes.body).currentLineHeight(true) * 3);
        doc.moveDown(0.5);
        this.runs([{ text: block.text, bold: true }], this.left, this.width, "left", fontSizes.body);
        doc.moveDown(0.25);
        return;
      case "paragraph":
        this.runs(block.runs, this.left, this.width, block.align ?? "left", fontSizes.body);
        doc.moveDown(0.2);
        return;
      case "table":
        this.table(block.columns, block.rows);
        return;
      case "signatures":
        this.signatures(block.blocks);
        return;
    }
  }
}

/** Lays an official document out as an A4 PDF with the fonts embedded. */
export function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: {
      top: mm(pageMarginsMm.top),
      bottom: mm(pageMarginsMm.bottom),
      left: mm(pageMarginsMm.left),
      right: mm(pageMarginsMm.right),
    },
    info: { Title: doc.title, Creator: "Thước Đo", Producer: "Thước Đo" },
    lang: "vi-VN",
  });
  const files = fonts();
  for (const name of Object.keys(fontFiles) as FontName[]) pdf.registerFont(name, files[name]);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const layout = new Layout(pdf);
  layout.header(doc.header);
  for (const block of doc.body) layout.block(block);
  pdf.end();
  return done;
}
