/**
 * Reading CSV as spreadsheets write it: RFC 4180 quoting (a quoted field may
 * hold the delimiter, quotes doubled, line breaks), a UTF-8 byte-order mark,
 * CRLF or LF, and the delimiter Excel uses in the user's locale — a comma,
 * or a semicolon where the decimal mark is a comma (Vietnamese Excel) — or a
 * tab, detected from the header line.
 */

/** A parsed CSV: rows of fields with the line each row starts on (1-based). */
export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  rows: Array<{ line: number; fields: string[] }>;
  /** The line of a quote that is never closed (the file is cut or malformed), else null. */
  unclosedQuoteLine: number | null;
}

/** Decodes bytes as UTF-8 (a BOM is dropped); null when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/** The delimiter of the first line: the most frequent of `,` `;` and tab outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as Array<[',' | ';' | '\t', number]>).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * Parses CSV text. Empty lines are skipped; an unterminated quote runs to the
 * end of the text (the field keeps what was there) and is reported by the line
 * it opened on. Spaces before an opening quote are dropped (`a, "b"`).
 * @example parseCsv('a;b\n"x;1";2').rows // [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x;1', '2'] }]
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CsvTable {
  const rows: CsvTable['rows'] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  let quoteLine = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '' || fieldStarted) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || fields.length > 0 || fieldStarted) endRow();
  return {
    delimiter: delimiter as CsvTable['delimiter'],
    rows,
    unclosedQuoteLine: quoted ? quoteLine : null,
  };
}
