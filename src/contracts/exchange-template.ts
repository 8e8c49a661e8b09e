/**
 * The layout of the Excel template of a reporting round — one definition
 * read by the writer (exporters/excel-template) and the reader
 * (importers/spreadsheet), so that the two never disagree.
 *
 * A workbook has a "Hướng dẫn - Instructions" sheet, one data sheet per
 * kind of unit (departments and agencies; districts; communes; the province
 * itself) and a very hidden sheet `nhipso_meta` naming the round. A data
 * sheet has a title (row 1), a subtitle (row 2), Vietnamese headers (row 3),
 * English headers (row 4) and one row per unit and indicator from row 5.
 * Columns A–M are visible; N–U are hidden machine columns (the indicator's
 * kind, the figure's revision and its numbers when the template was made,
 * whether the row may be filled, and the row's signature).
 */

/** What the hidden sheet's `format` cell says. */
export const TEMPLATE_FORMAT = 'nhipso.figures-template';
/** The layout's version; a reader refuses a template of another version. */
export const TEMPLATE_VERSION = 1;
/** The very hidden sheet naming the round. */
export const META_SHEET = 'nhipso_meta';
/** The instructions sheet. */
export const INSTRUCTIONS_SHEET = 'Hướng dẫn - Instructions';

/** Row of a data sheet's title (round and period). */
export const TITLE_ROW = 1;
/** Row of the province, deadline and generation time. */
export const SUBTITLE_ROW = 2;
/** Row of the Vietnamese headers. */
export const HEADER_VI_ROW = 3;
/** Row of the English headers (the filter row). */
export const HEADER_EN_ROW = 4;
/** The first row of figures. */
export const FIRST_DATA_ROW = 5;

/** Kinds of reporting units, each with its data sheet. */
export const templateSheetKinds = ['province', 'department', 'district', 'commune'] as const;
/** The kind of units a data sheet holds (`department` also holds agencies). */
export type TemplateSheetKind = (typeof templateSheetKinds)[number];

/** The data sheet's name for each kind (Excel: at most 31 characters, no `[]:*?/\`). */
export const sheetNames: Record<TemplateSheetKind, string> = {
  province: 'Tỉnh - Province',
  department: 'Sở ban ngành - Departments',
  district: 'Huyện - Districts',
  commune: 'Xã phường - Communes',
};

/** The sheet a unit of this kind goes to. */
export function sheetKindOf(unitKind: string): TemplateSheetKind {
  if (unitKind === 'agency' || unitKind === 'department') return 'department';
  if (unitKind === 'district' || unitKind === 'commune' || unitKind === 'province') return unitKind;
  return 'department';
}

/** A column of a data sheet: its letter, headers (vi, en), width, and whether it is hidden. */
export interface TemplateColumn {
  key: TemplateColumnKey;
  letter: string;
  vi: string;
  en: string;
  width: number;
  hidden?: boolean;
}

/** What a column holds; `kind` … `signature` are the hidden machine columns. */
export type TemplateColumnKey =
  | 'no'
  | 'unitCode'
  | 'unitName'
  | 'indicatorCode'
  | 'indicatorName'
  | 'measure'
  | 'previous'
  | 'numerator'
  | 'denominator'
  | 'rate'
  | 'value'
  | 'comment'
  | 'status'
  | 'kind'
  | 'revision'
  | 'origNumerator'
  | 'origDenominator'
  | 'origValue'
  | 'origComment'
  | 'editable'
  | 'signature';

/** The columns of a data sheet, A to U. */
export const templateColumns: readonly TemplateColumn[] = [
  { key: 'no', letter: 'A', vi: 'STT', en: 'No.', width: 6 },
  { key: 'unitCode', letter: 'B', vi: 'Mã đơn vị', en: 'Unit code', width: 12 },
  { key: 'unitName', letter: 'C', vi: 'Đơn vị', en: 'Unit', width: 30 },
  { key: 'indicatorCode', letter: 'D', vi: 'Mã chỉ tiêu', en: 'Indicator code', width: 26 },
  { key: 'indicatorName', letter: 'E', vi: 'Chỉ tiêu', en: 'Indicator', width: 52 },
  { key: 'measure', letter: 'F', vi: 'Đơn vị tính', en: 'Unit of measure', width: 12 },
  { key: 'previous', letter: 'G', vi: 'Kỳ trước', en: 'Previous period', width: 20 },
  { key: 'numerator', letter: 'H', vi: 'Tử số', en: 'Numerator', width: 13 },
  { key: 'denominator', letter: 'I', vi: 'Mẫu số', en: 'Denominator', width: 13 },
  { key: 'rate', letter: 'J', vi: 'Tỷ lệ (%)', en: 'Rate (%)', width: 10 },
  { key: 'value', letter: 'K', vi: 'Giá trị', en: 'Value', width: 13 },
  { key: 'comment', letter: 'L', vi: 'Ghi chú, giải trình', en: 'Comment', width: 36 },
  { key: 'status', letter: 'M', vi: 'Trạng thái báo cáo', en: 'Report status', width: 18 },
  { key: 'kind', letter: 'N', vi: 'kind', en: 'kind', width: 8, hidden: true },
  { key: 'revision', letter: 'O', vi: 'revision', en: 'revision', width: 8, hidden: true },
  { key: 'origNumerator', letter: 'P', vi: 'numerator0', en: 'numerator0', width: 8, hidden: true },
  { key: 'origDenominator', letter: 'Q', vi: 'denominator0', en: 'denominator0', width: 8, hidden: true },
  { key: 'origValue', letter: 'R', vi: 'value0', en: 'value0', width: 8, hidden: true },
  { key: 'origComment', letter: 'S', vi: 'comment0', en: 'comment0', width: 8, hidden: true },
  { key: 'editable', letter: 'T', vi: 'editable', en: 'editable', width: 8, hidden: true },
  { key: 'signature', letter: 'U', vi: 'signature', en: 'signature', width: 8, hidden: true },
];

/** A column by key. */
export function templateColumn(key: TemplateColumnKey): TemplateColumn {
  const c = templateColumns.find((x) => x.key === key);
  if (!c) throw new Error(`no template column ${key}`);
  return c;
}

/** The 1-based index of a column letter (A = 1). */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The columns a person fills in, and the field of a figure each holds. */
export const inputColumns = {
  numerator: 'H',
  denominator: 'I',
  value: 'K',
  comment: 'L',
} as const;

/** The keys of the hidden sheet (column A), with their value in column B. */
export const metaKeys = [
  'format',
  'version',
  'templateId',
  'roundId',
  'roundName',
  'periodId',
  'provinceId',
  'provinceName',
  'generatedAt',
  'generatedBy',
  'sheets',
  'rows',
  'signature',
] as const;
/** A key of the hidden sheet. */
export type MetaKey = (typeof metaKeys)[number];

/** What the hidden sheet says about the round and the template. */
export interface TemplateMeta {
  format: string;
  version: number;
  /** A random id of this download. */
  templateId: string;
  roundId: number;
  roundName: string;
  periodId: string;
  provinceId: number;
  provinceName: string;
  generatedAt: string;
  generatedBy: string;
  /** The data sheets, comma-separated kinds, e.g. `department,commune`. */
  sheets: string;
  /** Data rows in all sheets. */
  rows: number;
  signature: string;
}

/** The text the hidden sheet's signature covers. */
export function metaSignedText(m: Omit<TemplateMeta, 'signature'>): string {
  return [
    m.format,
    m.version,
    m.templateId,
    m.roundId,
    m.periodId,
    m.provinceId,
    m.generatedAt,
    m.sheets,
    m.rows,
  ].join('|');
}

/** What a data row's signature covers: where it belongs and what it held when the template was made. */
export interface TemplateRowIdentity {
  roundId: number;
  periodId: string;
  sheetKind: TemplateSheetKind;
  unitCode: string;
  indicatorCode: string;
  kind: string;
  revision: number | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  editable: boolean;
}

const part = (n: number | null) => (n === null ? '' : String(n));

/** The text a data row's signature covers (the row number is left out: sorting rows does no harm). */
export function rowSignedText(r: TemplateRowIdentity): string {
  return [
    `v${TEMPLATE_VERSION}`,
    r.roundId,
    r.periodId,
    r.sheetKind,
    r.unitCode,
    r.indicatorCode,
    r.kind,
    part(r.revision),
    part(r.numerator),
    part(r.denominator),
    part(r.value),
    r.comment ?? '',
    r.editable ? '1' : '0',
  ].join('|');
}
