/** Layout primitives over a pdfkit document: paragraphs of mixed faces, headings, time-column entries, tables, footers. */
import { fitText, type PdfFonts } from './pdf-fonts';

export type Face = 'regular' | 'bold' | 'italic' | 'mono';
/** A piece of a paragraph in one face. */
export type Run = readonly [Face, string];

export const INK = '#1a1a1a';
export const GREY = '#5c5c5c';
export const RULE = '#b5b5b5';
export const ALERT = '#a4001d';
const TIME_COLUMN = 52;

export class PdfLayout {
  readonly left: number;
  /** Width between the margins. */
  readonly width: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: PdfFonts,
    private readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number },
  ) {
    this.left = margins.left;
    this.width = doc.page.width - margins.left - margins.right;
  }

  private face(face: Face): PDFKit.PDFDocument {
    return this.doc.font(this.fonts.embedded ? face : this.fonts[face]);
  }

  private t(text: string): string {
    return fitText(text, this.fonts);
  }

  /** A new page unless `height` points fit above the bottom margin. */
  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.margins.bottom) this.doc.addPage();
  }

  /** Runs of text in different faces, flowing as one paragraph at x with the given width (pages break inside it). */
  runs(runs: readonly Run[], opts: { x?: number; width?: number; size?: number; color?: string; gap?: number } = {}): void {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.width - (x - this.left);
    const parts = runs.filter(([, text]) => text !== '');
    this.doc.fontSize(opts.size ?? 10).fillColor(opts.color ?? INK);
    parts.forEach(([face, text], i) => {
      this.face(face);
      const last = i === parts.length - 1;
      if (i === 0) this.doc.text(this.t(text), x, this.doc.y, { width, continued: !last });
      else this.doc.text(this.t(text), { continued: !last });
    });
    this.doc.x = this.left;
    if (opts.gap) this.doc.moveDown(opts.gap);
  }

  /** A heading kept with what follows it; level 1 is underlined. */
  heading(text: string, level: 1 | 2): void {
    this.ensure(level === 1 ? 70 : 54);
    this.doc.moveDown(level === 1 ? 1 : 0.8);
    this.runs([['bold', text]], { size: level === 1 ? 14 : 11.5 });
    const y = this.doc.y + 2;
    if (level === 1)
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke();
    this.doc.y = y + 6;
  }

  /** An entry: `time` in the left column, the body beside it at (x, width). */
  entry(time: string | null, body: (x: number, width: number) => void): void {
    this.ensure(34);
    const y = this.doc.y;
    if (time)
      this.face('regular')
        .fontSize(8.5)
        .fillColor(GREY)
        .text(time, this.left, y + 1, { width: TIME_COLUMN, lineBreak: false });
    this.doc.y = y;
    body(this.left + TIME_COLUMN + 6, this.width - TIME_COLUMN - 6);
    this.doc.x = this.left;
    this.doc.moveDown(0.55);
  }

  /** A table with a bold header row and a rule under it; short tables stay on one page, long ones break between rows. */
  table(
    x: number,
    columns: readonly { title: string; width: number; align?: 'left' | 'right' }[],
    rows: readonly { cells: readonly string[]; bold?: boolean }[],
  ): void {
    const rowHeight = 13;
    if (rows.length <= 25) this.ensure((rows.length + 1) * rowHeight + 4);
    const draw = (cells: readonly string[], face: Face) => {
      this.ensure(rowHeight + 2);
      const y = this.doc.y;
      let cx = x;
      columns.forEach((c, i) => {
        this.face(face)
          .fontSize(9)
          .fillColor(INK)
          .text(this.t(cells[i] ?? ''), cx, y, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
        cx += c.width;
      });
      this.doc.y = y + rowHeight;
    };
    draw(
      columns.map((c) => c.title),
      'bold',
    );
    const total = columns.reduce((n, c) => n + c.width, 0);
    this.doc
      .moveTo(x, this.doc.y - 2)
      .lineTo(x + total, this.doc.y - 2)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    for (const r of rows) draw(r.cells, r.bold ? 'bold' : 'regular');
    this.doc.x = this.left;
    this.doc.moveDown(0.3);
  }

  /** On every buffered page: a rule, `left` text, and the page label on the right. */
  footers(left: string, page: (page: number, pages: number) => string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // NOTE: writing below the margin must not open a new page
      const y = doc.page.height - 46;
      doc
        .moveTo(this.left, y - 6)
        .lineTo(this.left + this.width, y - 6)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      this.face('regular').fontSize(8).fillColor(GREY);
      doc.text(this.t(left), this.left, y, { width: this.width / 2, lineBreak: false });
      doc.text(page(i - range.start + 1, range.count), this.left + this.width / 2, y, { width: this.width / 2, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}
