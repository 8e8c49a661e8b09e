/**
 * Figures from a CSV file: a header row naming the columns
 * `unitCode,indicatorCode,period,numerator,denominator,value,comment` (in any
 * order; the Vietnamese names "Mã đơn vị", "Mã chỉ tiêu", "Kỳ", "Tử số",
 * "Mẫu số", "Giá trị", "Ghi chú" are understood too), then one figure a line.
 *
 * Numbers: in a comma-separated file a decimal point (`12.5`, no thousands
 * separators — how programs write CSV); in a semicolon- or tab-separated
 * file (Excel in Vietnamese) a decimal comma with dots between thousands
 * (`1.234,5`). An empty cell leaves what is stored as it is.
 *
 * Every bad line and cell is reported with its line and column; the file is
 * refused as a whole only when it cannot be read (not UTF-8, no header,
 * missing or unknown columns).
 */
import {
  type FigureCsvColumn,
  type FigureRow,
  figureCsvColumns,
  type ProblemField,
  type RowLocation,
  type RowProblem,
} from '../../contracts/exchange';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { foldVietnamese } from '../../domain/text';
import { parseDecimal } from '../../domain/validation/number';
import { decodeUtf8, parseCsv } from './csv';

/** Figures read from a file, each with where it came from, and the problems met. */
export interface FiguresRead {
  rows: Array<{ row: FigureRow; at: RowLocation }>;
  problems: RowProblem[];
  /** Lines (or spreadsheet rows) read, figures or not. */
  lineCount: number;
}

const aliases: Record<string, FigureCsvColumn> = {
  unitcode: 'unitCode',
  'ma don vi': 'unitCode',
  madonvi: 'unitCode',
  orgunit: 'unitCode',
  indicatorcode: 'indicatorCode',
  'ma chi tieu': 'indicatorCode',
  machitieu: 'indicatorCode',
  period: 'period',
  periodid: 'period',
  ky: 'period',
  'ky bao cao': 'period',
  numerator: 'numerator',
  'tu so': 'numerator',
  denominator: 'denominator',
  'mau so': 'denominator',
  value: 'value',
  'gia tri': 'value',
  comment: 'comment',
  'ghi chu': 'comment',
};

const fieldOf: Record<FigureCsvColumn, ProblemField> = {
  unitCode: 'unit',
  indicatorCode: 'indicator',
  period: 'period',
  numerator: 'numerator',
  denominator: 'denominator',
  value: 'value',
  comment: 'comment',
};

/** The spreadsheet letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Which column a header cell names, or null. */
export function headerColumn(text: string): FigureCsvColumn | null {
  const key = foldVietnamese(text.replace(/^\ufeff/, '').replace(/[_*()]/g, ' '));
  return aliases[key] ?? aliases[key.replace(/\s+/g, '')] ?? null;
}

const MACHINE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number written by a program (decimal point) or, in a Vietnamese file,
 * the Vietnamese way. `undefined` for an empty cell.
 * @example readCsvNumber('12.5', ',') // { ok: true, value: 12.5 }
 * @example readCsvNumber('1.234,5', ';') // { ok: true, value: 1234.5 }
 */
export function readCsvNumber(
  text: string,
  delimiter: string,
): { ok: true; value: number | undefined } | { ok: false } {
  const s = text.trim();
  if (s === '') return { ok: true, value: undefined };
  if (delimiter === ',' && MACHINE_NUMBER.test(s)) return { ok: true, value: Number(s) };
  const vi = parseDecimal(s);
  if (vi.ok && vi.value !== null) return { ok: true, value: vi.value };
  return { ok: false };
}

/**
 * Reads a CSV of figures.
 * @throws AppError `exchange.csv_not_utf8`, `exchange.csv_empty`, `exchange.csv_bad_header` (415/422)
 */
export function readFigureCsv(bytes: Uint8Array, fileName: string): FiguresRead {
  const text = decodeUtf8(bytes);
  if (text === null) throw new AppError('exchange.csv_not_utf8', { status: 422, params: { file: fileName } });
  const table = parseCsv(text);
  const header = table.rows[0];
  if (!header) throw new AppError('exchange.csv_empty', { status: 422, params: { file: fileName } });

  const columns = new Map<FigureCsvColumn, number>();
  const details: ErrorDetail[] = [];
  header.fields.forEach((name, i) => {
    const col = headerColumn(name);
    if (!col) {
      if (name.trim() !== '')
        details.push({
          path: `${fileName}:1:${columnLetter(i)}`,
          code: 'exchange.csv_unknown_column',
          params: { column: name.trim(), expected: figureCsvColumns.join(', ') },
        });
    } else if (columns.has(col)) {
      details.push({
        path: `${fileName}:1:${columnLetter(i)}`,
        code: 'exchange.csv_duplicate_column',
        params: { column: name.trim() },
      });
    } else columns.set(col, i);
  });
  for (const required of ['unitCode', 'indicatorCode', 'period'] as const) {
    if (!columns.has(required))
      details.push({
        path: `${fileName}:1`,
        code: 'exchange.csv_missing_column',
        params: { column: required },
      });
  }
  if (details.length) throw new AppError('exchange.csv_bad_header', { status: 422, details });

  const at = (line: number): RowLocation => ({
    sheet: fileName,
    row: line,
    columns: Object.fromEntries(
      [...columns].map(([col, i]) => [fieldOf[col], { letter: columnLetter(i), label: col }]),
    ),
  });
  const rows: FiguresRead['rows'] = [];
  const problems: RowProblem[] = [];
  for (const { line, fields } of table.rows.slice(1)) {
    if (fields.every((f) => f.trim() === '')) continue;
    const cell = (col: FigureCsvColumn) => {
      const i = columns.get(col);
      return i === undefined ? undefined : (fields[i] ?? '');
    };
    const index = rows.length;
    const row: FigureRow = { index };
    const bad: RowProblem[] = [];
    if (fields.length > header.fields.length) {
      bad.push({
        index,
        field: 'row',
        code: 'exchange.csv_extra_fields',
        params: { count: fields.length, expected: header.fields.length },
      });
    }
    const code = (col: 'unitCode' | 'indicatorCode' | 'period') => {
      const v = cell(col)?.trim() ?? '';
      if (v === '') bad.push({ index, field: fieldOf[col], code: 'validation.required', value: '' });
      return v;
    };
    row.unitCode = code('unitCode');
    row.indicatorCode = code('indicatorCode');
    row.period = code('period');
    for (const part of ['numerator', 'denominator', 'value'] as const) {
      const raw = cell(part);
      if (raw === undefined) continue;
      const n = readCsvNumber(raw, table.delimiter);
      if (!n.ok) bad.push({ index, field: part, code: 'validation.not_a_number', value: raw.trim() });
      else if (n.value !== undefined) row[part] = n.value;
    }
    const comment = cell('comment');
    if (comment !== undefined && comment.trim() !== '') row.comment = comment.trim();
    rows.push({ row, at: at(line) });
    problems.push(...bad);
  }
  return { rows, problems, lineCount: table.rows.length };
}
