/** One field of a CSV file, with where it starts (1-based) so errors can point at the cell. */
export interface CsvCell {
  value: string;
  line: number;
  column: number;
}

export interface CsvResult {
  rows: CsvCell[][];
  /** An unterminated quote: where it opens. */
  error?: { line: number; column: number; message: string };
}

/**
 * RFC 4180 CSV: comma-separated, fields in double quotes may hold commas,
 * newlines and doubled quotes (""). CRLF or LF line ends; a BOM is ignored;
 * blank lines are skipped.
 */
export function parseCsv(text: string): CsvResult {
  const rows: CsvCell[][] = [];
  let row: CsvCell[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const endRow = () => {
    if (!(row.length === 1 && row[0]!.value === '')) rows.push(row);
    row = [];
  };
  while (i <= text.length) {
    const cell: CsvCell = { value: '', line, column: i - lineStart + 1 };
    if (text[i] === '"') {
      const open = { line, column: cell.column };
      i++;
      let value = '';
      for (;;) {
        if (i >= text.length) return { rows, error: { ...open, message: 'a quoted field is never closed; add the closing "' } };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += c;
        i++;
      }
      cell.value = value;
      // Anything between the closing quote and the separator is kept, as most readers do.
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell.value += text[i++];
    } else {
      const start = i;
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      cell.value = text.slice(start, i);
    }
    row.push(cell);
    if (i >= text.length) {
      endRow();
      break;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // A line end: \r\n, \n or a lone \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    lineStart = i;
    endRow();
    if (i >= text.length) break;
  }
  return { rows };
}
