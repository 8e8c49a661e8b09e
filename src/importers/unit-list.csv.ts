/**
 * Reading the bytes of an uploaded unit list into rows of cells: what the file
 * really is (CSV text, an XLSX workbook, or something else renamed .csv), its
 * encoding (UTF-8 with or without BOM; UTF-16 and legacy Vietnamese code pages
 * are refused with a clear message), and RFC 4180 CSV.
 */
import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../domain/errors';
import { parseCsv as parseCsvTable } from './spreadsheet/csv';

/** One cell: its text, and whether a spreadsheet stored it as a number (leading zeros lost). */
export interface Cell {
  text: string;
  numeric: boolean;
}

/** One row of the file with its number as a person sees it (the CSV line, the sheet row). */
export interface SheetRow {
  number: number;
  cells: Cell[];
}

/** What kind of file the bytes are, by their content (not by the file name). */
export type SniffedFormat =
  | 'csv'
  | 'xlsx'
  | 'xls'
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'zip'
  | 'utf16'
  | 'binary'
  | 'empty';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Recognises a file by its first bytes. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return 'xls';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return 'utf16';
  const head = bytes.subarray(0, Math.min(bytes.length, 4096));
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  // UTF-16 without a BOM: every other byte of Latin text is zero
  if (zeros > head.length / 4) return 'utf16';
  if (zeros > 0) return 'binary';
  return 'csv';
}

/**
 * Decodes UTF-8 text (a BOM is dropped); refuses bytes that are not UTF-8,
 * naming the line of the first bad byte.
 */
export function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let line = 1;
    const bad = firstInvalidUtf8(bytes);
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new AppError('unit_import.invalid', {
      details: [{ path: `${fileName}:${line}`, code: 'unit_import.encoding_invalid', params: { line } }],
    });
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const n =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}

/**
 * Parses CSV text (RFC 4180, the delimiter of the header line: comma, or
 * semicolon/tab as spreadsheets in a Vietnamese locale save) into rows of
 * cells; an unclosed quote is refused with its line.
 */
export function parseCsv(text: string, fileName: string): SheetRow[] {
  const table = parseCsvTable(text);
  if (table.unclosedQuoteLine !== null) {
    const line = table.unclosedQuoteLine;
    throw new AppError('unit_import.invalid', {
      details: [{ path: `${fileName}:${line}`, code: 'unit_import.unclosed_quote', params: { line } }],
    });
  }
  return table.rows
    .map((r) => ({ number: r.line, cells: r.fields.map((text) => ({ text, numeric: false })) }))
    .filter((r) => r.cells.some((c) => c.text.trim() !== ''));
}

function cellText(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'boolean') return { text: String(value), numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), numeric: false };
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return { text: String(value.text), numeric: false };
    if ('error' in value) return { text: '', numeric: false };
  }
  return { text: String(value), numeric: false };
}

/** Reads the first worksheet of an XLSX workbook. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw notTabular(fileName, 'zip');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw notTabular(fileName, 'xlsx');
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs rows are 1-based: values[0] is empty
    const cells = values.slice(1).map(cellText);
    for (let i = 0; i < cells.length; i++)
      if (cells[i] === undefined) cells[i] = { text: '', numeric: false };
    if (cells.some((c) => c.text.trim() !== '')) rows.push({ number, cells });
  });
  return rows;
}

/** The error for a file that is not a table at all (a PDF or an image renamed .csv). */
export function notTabular(fileName: string, format: string): AppError {
  const detail: ErrorDetail = {
    path: fileName,
    code: 'unit_import.not_tabular',
    params: { format: format.toUpperCase() },
  };
  return new AppError('unit_import.invalid', { status: 415, details: [detail] });
}

/** Reads an uploaded file into rows, whatever its name says: CSV (UTF-8) or XLSX. */
export async function readSheet(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ rows: SheetRow[]; format: 'csv' | 'xlsx' }> {
  const format = sniffFormat(bytes);
  switch (format) {
    case 'empty':
      throw new AppError('unit_import.invalid', {
        details: [{ path: fileName, code: 'unit_import.empty_file' }],
      });
    case 'xlsx':
      return { rows: await readXlsx(bytes, fileName), format: 'xlsx' };
    case 'xls':
      throw new AppError('unit_import.invalid', {
        status: 415,
        details: [{ path: fileName, code: 'unit_import.xls_unsupported' }],
      });
    case 'utf16':
      throw new AppError('unit_import.invalid', {
        status: 415,
        details: [{ path: fileName, code: 'unit_import.encoding_utf16' }],
      });
    case 'csv':
      return { rows: parseCsv(decodeUtf8(bytes, fileName), fileName), format: 'csv' };
    default:
      throw notTabular(fileName, format);
  }
}
