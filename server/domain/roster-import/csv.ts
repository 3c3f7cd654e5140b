/**
 * CSV as spreadsheets write it (RFC 4180 and what Excel adds): quoted cells with doubled quotes,
 * commas and line breaks inside quotes, CRLF or LF, a byte-order mark, and `;` as the separator
 * where the decimal comma is (German Excel), detected from the header line. Pure: no I/O.
 */
import type { InputIssue } from '../errors';

export interface CsvRow {
  /** 1-based line of the file where the row begins (a quoted line break makes rows span lines). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly separator: ',' | ';';
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** The separator of the header line: `;` when it has more semicolons than commas outside quotes. */
export function detectSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas += 1;
    else if (!quoted && c === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

const issue = (line: number, message: string): InputIssue => ({ path: [`line ${line}`], message });

/**
 * The table of a CSV text, or the issues that make it unreadable (each naming its line). Rows whose
 * cells are all empty are skipped; every other row must have as many cells as the header.
 * `maxRows` bounds the rows read: past it, one issue and no more work.
 */
export function parseCsv(input: string, maxRows: number): { table: CsvTable } | { issues: InputIssue[] } {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const records: CsvRow[] = [];
  const issues: InputIssue[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let ended = false;
    while (!ended) {
      if (text[i] === '"') {
        // A quoted cell: up to the next lone quote; a doubled quote is a quote.
        i += 1;
        const quoteLine = line;
        for (;;) {
          if (i >= n) {
            issues.push(issue(quoteLine, 'a quoted cell is never closed (a " is missing)'));
            return { issues };
          }
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (c === '\n') line += 1;
          cell += c;
          i += 1;
        }
        const after = text[i];
        if (i < n && after !== separator && after !== '\n' && after !== '\r') {
          issues.push(issue(line, `unexpected text after a closing quote; a " inside a quoted cell is written ""`));
          return { issues };
        }
      } else {
        const start = i;
        while (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') {
            issues.push(issue(line, 'a " inside an unquoted cell; quote the whole cell and write the quote as ""'));
            return { issues };
          }
          i += 1;
        }
        cell = text.slice(start, i);
      }
      cells.push(cell);
      cell = '';
      if (i >= n) ended = true;
      else if (text[i] === separator) i += 1;
      else {
        // \r\n, \n or a lone \r end the row.
        if (text[i] === '\r' && text[i + 1] === '\n') i += 1;
        i += 1;
        line += 1;
        ended = true;
      }
    }
    if (cells.some((c) => c !== '')) {
      records.push({ line: startLine, cells });
      if (records.length > maxRows + 1) {
        issues.push(issue(startLine, `more than ${maxRows} rows; split the file`));
        return { issues };
      }
    }
  }
  const [head, ...rows] = records;
  if (!head) return { issues: [issue(1, 'the file is empty; the first line names the columns')] };
  const header = head.cells.map((h) => h.trim().toLowerCase());
  for (const r of rows) {
    if (r.cells.length !== header.length) issues.push(issue(r.line, `${r.cells.length} cells where the header has ${header.length}`));
  }
  return issues.length ? { issues } : { table: { separator, header, rows } };
}

/** One cell as CSV writes it: quoted when it holds either separator, a quote, a line break or leading/trailing space. */
export function csvCell(value: string): string {
  return /[",;\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends, as spreadsheets expect. */
export function writeCsv(rows: readonly (readonly string[])[], separator: ',' | ';' = ','): string {
  return rows.map((r) => r.map((c) => csvCell(c)).join(separator)).join('\r\n') + '\r\n';
}
