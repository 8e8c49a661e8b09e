/**
 * Reads a filled Excel template back (layout: contracts/exchange-template.ts):
 * checks the hidden sheet's signature (which round, which version), each data
 * row's signature (its codes were not changed), reads the cells a person
 * fills in, and returns the rows whose figures differ from what the template
 * was made with — each with where it sits — and every bad cell.
 *
 * Cells are read as Excel stores them: numbers as numbers; text the
 * Vietnamese way ("1.234,5"); a formula by its last result; 1/0, Có/Không,
 * true/false for yes/no. A cell emptied that held a figure clears it.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RowLocation, RowProblem } from '../../contracts/exchange';
import {
  columnIndex,
  FIRST_DATA_ROW,
  META_SHEET,
  metaKeys,
  sheetNames,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  type TemplateColumnKey,
  type TemplateMeta,
  type TemplateSheetKind,
  templateColumn,
  templateColumns,
  templateSheetKinds,
} from '../../contracts/exchange-template';
import { AppError } from '../../domain/errors';
import { foldVietnamese } from '../../domain/text';
import { parseDecimal } from '../../domain/validation/number';
import type { FiguresRead } from './figure-csv.reader';
import { checkRow, verifyMeta } from './template-signature';

/** A template read back. */
export interface TemplateRead extends FiguresRead {
  meta: TemplateMeta;
  /** Data rows left as they were. */
  untouched: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** True when the bytes start like an Office Open XML file (a ZIP). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

type Plain = string | number | boolean | Date | null | { error: string };

/** A worksheet as read: its state and, per row number, the plain values of columns A–U. */
interface SheetRead {
  name: string;
  state: string;
  rows: Map<number, Plain[]>;
}

/** A workbook reduced to what the template reader needs (plain cell values, no styles). */
export interface WorkbookRead {
  sheets: Map<string, SheetRead>;
}

const WIDTH = templateColumns.length;

function plainOf(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('richText' in o && Array.isArray(o.richText))
      return (o.richText as Array<{ text: string }>).map((p) => p.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return plainOf(o.result ?? null);
    if ('error' in o) return { error: String(o.error) };
    if ('text' in o) return String(o.text);
    return null;
  }
  return v as Plain;
}

/**
 * Reads a workbook with exceljs's streaming reader: rows are reduced to
 * their plain values as they are parsed, so memory stays small for tens of
 * thousands of rows; `onBytes` reports how much of the file was read.
 * @throws AppError `exchange.not_xlsx` (415) when the bytes are not an .xlsx workbook
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  onBytes: (done: number, total: number) => void = () => {},
): Promise<WorkbookRead> {
  if (!looksLikeXlsx(bytes))
    throw new AppError('exchange.not_xlsx', { status: 415, params: { file: fileName } });
  const total = bytes.byteLength;
  let fed = 0;
  const CHUNK = 256 * 1024;
  const input = Readable.from(
    (function* () {
      for (let at = 0; at < total; at += CHUNK) {
        const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(CHUNK, total - at));
        fed = at + chunk.byteLength;
        yield chunk;
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const sheets = new Map<string, SheetRead>();
  let last = 0;
  try {
    for await (const ws of reader) {
      const w = ws as unknown as { name: string; state?: string } & AsyncIterable<ExcelJS.Row>;
      const sheet: SheetRead = { name: w.name, state: w.state ?? 'visible', rows: new Map() };
      sheets.set(w.name, sheet);
      for await (const row of w) {
        const values: Plain[] = [];
        for (let c = 1; c <= WIDTH; c++) values.push(plainOf(row.getCell(c).value));
        if (values.some((v) => v !== null && v !== '')) sheet.rows.set(row.number, values);
        if (fed - last >= CHUNK) {
          last = fed;
          onBytes(fed, total);
        }
      }
    }
  } catch {
    throw new AppError('exchange.not_xlsx', { status: 415, params: { file: fileName } });
  }
  onBytes(total, total);
  return { sheets };
}

/** The text of a plain cell value, trimmed; '' when empty. */
function plainText(v: Plain | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return '';
  return String(v).trim();
}

/** A filled-in number: null for an empty cell, NaN for something that is not a number. */
export function plainNumber(v: Plain | undefined, kind: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === 'boolean') return kind === 'boolean' ? (v ? 1 : 0) : Number.NaN;
  if (v instanceof Date || typeof v === 'object') return Number.NaN;
  const s = v.trim();
  if (s === '') return null;
  if (kind === 'boolean') {
    const f = foldVietnamese(s);
    if (['co', 'x', 'yes', 'true', 'dat'].includes(f)) return 1;
    if (['khong', 'no', 'false', 'chua dat'].includes(f)) return 0;
  }
  const n = parseDecimal(s);
  return n.ok && n.value !== null ? n.value : Number.NaN;
}

const col = (key: TemplateColumnKey) => templateColumn(key).letter;
const idx = (key: TemplateColumnKey) => columnIndex(col(key)) - 1;
const label = (key: TemplateColumnKey) => {
  const c = templateColumn(key);
  return `${c.vi} / ${c.en}`;
};

function readMeta(sheet: SheetRead): TemplateMeta {
  const raw = new Map<string, string>();
  for (const values of sheet.rows.values()) raw.set(plainText(values[0]), plainText(values[1]));
  for (const k of metaKeys) {
    if (!raw.has(k)) throw new AppError('exchange.template_tampered', { status: 422 });
  }
  return {
    format: raw.get('format') ?? '',
    version: Number(raw.get('version')),
    templateId: raw.get('templateId') ?? '',
    roundId: Number(raw.get('roundId')),
    roundName: raw.get('roundName') ?? '',
    periodId: raw.get('periodId') ?? '',
    provinceId: Number(raw.get('provinceId')),
    provinceName: raw.get('provinceName') ?? '',
    generatedAt: raw.get('generatedAt') ?? '',
    generatedBy: raw.get('generatedBy') ?? '',
    sheets: raw.get('sheets') ?? '',
    rows: Number(raw.get('rows')),
    signature: raw.get('signature') ?? '',
  };
}

/** The round a workbook's hidden sheet names, checked against its signature. */
export function readTemplateMeta(wb: WorkbookRead, key: Buffer, fileName: string): TemplateMeta {
  const sheet = wb.sheets.get(META_SHEET);
  if (!sheet) throw new AppError('exchange.not_a_template', { status: 422, params: { file: fileName } });
  const meta = readMeta(sheet);
  if (meta.format !== TEMPLATE_FORMAT)
    throw new AppError('exchange.not_a_template', { status: 422, params: { file: fileName } });
  if (meta.version !== TEMPLATE_VERSION)
    throw new AppError('exchange.template_version', {
      status: 422,
      params: { version: meta.version, expected: TEMPLATE_VERSION },
    });
  if (!verifyMeta(key, meta)) throw new AppError('exchange.template_tampered', { status: 422 });
  return meta;
}

const sameNumber = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9);

/**
 * Reads the data sheets of a template whose hidden sheet was read with
 * `readTemplateMeta`. Rows whose signature fails are reported at the code
 * cell that changed and give no figure.
 */
export function readTemplateRows(wb: WorkbookRead, meta: TemplateMeta, key: Buffer): TemplateRead {
  const kinds = meta.sheets
    .split(',')
    .filter((k): k is TemplateSheetKind => (templateSheetKinds as readonly string[]).includes(k));
  const rows: TemplateRead['rows'] = [];
  const problems: RowProblem[] = [];
  let untouched = 0;
  let lineCount = 0;
  for (const kind of kinds) {
    const name = sheetNames[kind];
    const ws = wb.sheets.get(name);
    if (!ws) {
      problems.push({
        index: null,
        field: null,
        code: 'exchange.sheet_missing',
        params: { sheet: name },
        at: { sheet: name, row: null, column: null, columnLabel: null },
      });
      continue;
    }
    const numbers = [...ws.rows.keys()].filter((r) => r >= FIRST_DATA_ROW).sort((a, b) => a - b);
    for (const r of numbers) {
      const values = ws.rows.get(r) as Plain[];
      const cell = (k: TemplateColumnKey) => values[idx(k)];
      const text = (k: TemplateColumnKey) => plainText(cell(k));
      const unitCode = text('unitCode');
      const indicatorCode = text('indicatorCode');
      const signature = text('signature');
      if (unitCode === '' && indicatorCode === '' && signature === '') continue;
      lineCount++;
      const at = (k: TemplateColumnKey) => ({ sheet: name, row: r, column: col(k), columnLabel: label(k) });
      const origNumber = (k: TemplateColumnKey) => {
        const s = text(k);
        return s === '' ? null : Number(s);
      };
      const rowKind = text('kind');
      const revisionText = text('revision');
      const identity = {
        roundId: meta.roundId,
        periodId: meta.periodId,
        sheetKind: kind,
        unitCode,
        indicatorCode,
        kind: rowKind,
        revision: revisionText === '' ? null : Number(revisionText),
        numerator: origNumber('origNumerator'),
        denominator: origNumber('origDenominator'),
        value: origNumber('origValue'),
        comment: text('origComment') || null,
        editable: text('editable') === '1',
      };
      const broken = checkRow(key, identity, signature);
      if (broken) {
        problems.push({
          index: null,
          field: broken === 'unit' ? 'unit' : 'indicator',
          code: 'exchange.code_tampered',
          value: broken === 'unit' ? unitCode : indicatorCode,
          at: at(broken === 'unit' ? 'unitCode' : 'indicatorCode'),
        });
        continue;
      }
      const bad: RowProblem[] = [];
      const read = (k: 'numerator' | 'denominator' | 'value') => {
        const n = plainNumber(cell(k), rowKind);
        if (n !== null && Number.isNaN(n)) {
          bad.push({ index: null, field: k, code: 'validation.not_a_number', value: text(k), at: at(k) });
          return null;
        }
        return n;
      };
      const numerator = read('numerator');
      const denominator = read('denominator');
      const value = read('value');
      const comment = text('comment') || null;
      if (bad.length) {
        problems.push(...bad);
        continue;
      }
      const same =
        sameNumber(numerator, identity.numerator) &&
        sameNumber(denominator, identity.denominator) &&
        sameNumber(value, identity.value) &&
        (comment ?? '') === (identity.comment ?? '');
      if (same) {
        untouched++;
        continue;
      }
      const location: RowLocation = {
        sheet: name,
        row: r,
        columns: {
          unit: { letter: col('unitCode'), label: label('unitCode') },
          indicator: { letter: col('indicatorCode'), label: label('indicatorCode') },
          period: { letter: col('unitCode'), label: label('unitCode') },
          numerator: { letter: col('numerator'), label: label('numerator') },
          denominator: { letter: col('denominator'), label: label('denominator') },
          value: { letter: col('value'), label: label('value') },
          comment: { letter: col('comment'), label: label('comment') },
          row: { letter: col('no'), label: label('no') },
        },
      };
      rows.push({
        row: {
          index: rows.length,
          unitCode,
          indicatorCode,
          period: meta.periodId,
          numerator,
          denominator,
          value,
          comment,
          expectedRevision: identity.revision,
        },
        at: location,
      });
    }
  }
  // a sheet a person added by hand is not read: say so rather than ignore it silently
  const known = new Set<string>([META_SHEET, ...Object.values(sheetNames)]);
  for (const ws of wb.sheets.values()) {
    const first = ws.rows.get(FIRST_DATA_ROW);
    if (!known.has(ws.name) && ws.state === 'visible' && first && plainText(first[idx('signature')]) !== '')
      problems.push({
        index: null,
        field: null,
        code: 'exchange.sheet_unknown',
        params: { sheet: ws.name },
        at: { sheet: ws.name, row: null, column: null, columnLabel: null },
      });
  }
  return { rows, problems, lineCount, meta, untouched };
}
