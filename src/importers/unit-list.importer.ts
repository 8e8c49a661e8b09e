/**
 * Official unit lists → validated, dated entries. Three layouts, told apart
 * by their header (column order does not matter, extra columns are ignored):
 *
 * - `dvhc3`: Mã tỉnh, Tên tỉnh, Mã huyện, Tên huyện, Mã xã, Tên xã, Cấp —
 *   the three-level structure in force until 30 June 2025;
 * - `dvhc2`: Mã tỉnh, Tên tỉnh, Mã xã, Tên xã, Cấp — the two-level structure
 *   from 1 July 2025;
 * - `lineage`: Cấp, Mã cũ, Tên cũ, Mã mới, Tên mới, Kiểu — which old unit
 *   went into which new one.
 *
 * A bad file is refused whole, with every bad row named by number and
 * reason; repairs that leave no doubt (a level read from the name, district
 * and commune names swapped) are made and reported as warnings.
 */
import { createHash } from 'node:crypto';
import { AppError, type ErrorDetail } from '../domain/errors';
import { PROVINCES_34, PROVINCES_63, PROVINCES_2025_EFFECTIVE_ON } from '../domain/reference/provinces';
import { cleanName, foldVietnamese } from '../domain/text';
import { codeWidth, isOfficialCode, kindOfCode, parseSubkind, subkindFromName } from '../domain/unit/codes';
import type { SnapshotEntry } from '../domain/unit/reconcile';
import { type AdministrativeKind, isIsoDate } from '../domain/unit/unit';
import { readSheet, type SheetRow } from './unit-list.csv';

/** The layouts of an importable list. */
export type UnitListLayout = 'dvhc3' | 'dvhc2' | 'lineage';

/** One old → new link of a lineage list, by codes, with its row. */
export interface ListLink {
  rowNumber: number;
  fromKind: AdministrativeKind;
  fromCode: string;
  fromName: string;
  toKind: AdministrativeKind;
  toCode: string;
  toName: string;
  kind: 'full' | 'partial' | 'rename';
}

/** A list read and checked, ready to be stored as a snapshot. */
export interface ParsedUnitList {
  layout: UnitListLayout;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** First day the list describes; null = since before our records (a three-level list by default). */
  effectiveOn: string | null;
  /** Units of a dvhc list: provinces, districts, communes. */
  entries: SnapshotEntry[];
  /** Links of a lineage list. */
  links: ListLink[];
  /** Data rows read (the header excluded). */
  rowCount: number;
  /** Repairs made, by row. */
  warnings: ErrorDetail[];
  /** SHA-256 of the list's content in a canonical form: the same list in CSV or XLSX hashes the same. */
  sha256: string;
}

const COLUMNS = {
  provinceCode: 'Mã tỉnh',
  provinceName: 'Tên tỉnh',
  districtCode: 'Mã huyện',
  districtName: 'Tên huyện',
  communeCode: 'Mã xã',
  communeName: 'Tên xã',
  level: 'Cấp',
  oldCode: 'Mã cũ',
  oldName: 'Tên cũ',
  newCode: 'Mã mới',
  newName: 'Tên mới',
  linkKind: 'Kiểu',
} as const;
type Column = keyof typeof COLUMNS;

const LAYOUT_COLUMNS: Record<UnitListLayout, Column[]> = {
  dvhc3: [
    'provinceCode',
    'provinceName',
    'districtCode',
    'districtName',
    'communeCode',
    'communeName',
    'level',
  ],
  dvhc2: ['provinceCode', 'provinceName', 'communeCode', 'communeName', 'level'],
  lineage: ['level', 'oldCode', 'oldName', 'newCode', 'newName', 'linkKind'],
};

/** The header each layout expects, as the statistics office writes it. */
export function expectedHeader(layout: UnitListLayout): string {
  return LAYOUT_COLUMNS[layout].map((c) => COLUMNS[c]).join(',');
}

const LINK_KINDS: Record<string, ListLink['kind']> = {
  full: 'full',
  'toan bo': 'full',
  'toan phan': 'full',
  partial: 'partial',
  'mot phan': 'partial',
  rename: 'rename',
  'doi ten': 'rename',
};

const LINK_LEVELS: Record<string, AdministrativeKind> = {
  tinh: 'province',
  'cap tinh': 'province',
  huyen: 'district',
  'cap huyen': 'district',
  xa: 'commune',
  'cap xa': 'commune',
};

/** Options of an import. */
export interface ReadUnitListOptions {
  /** `--valid-from`: the first day the list describes, overriding the layout's default. */
  validFrom?: string | null;
}

/**
 * Reads and checks an uploaded list. Throws `unit_import.invalid` with every
 * problem found (`details[].path` = `file:row` or `file:row:column`).
 */
export async function readUnitList(
  bytes: Uint8Array,
  fileName: string,
  options: ReadUnitListOptions = {},
): Promise<ParsedUnitList> {
  if (options.validFrom && !isIsoDate(options.validFrom)) {
    throw new AppError('unit_import.invalid', {
      details: [{ path: 'validFrom', code: 'unit_import.bad_date', params: { value: options.validFrom } }],
    });
  }
  const { rows, format } = await readSheet(bytes, fileName);
  const [header, ...data] = rows;
  if (!header) {
    throw new AppError('unit_import.invalid', {
      details: [{ path: fileName, code: 'unit_import.empty_file' }],
    });
  }
  const { layout, index } = detectLayout(header, fileName);
  const effectiveOn = resolveEffectiveOn(layout, fileName, options.validFrom ?? null);
  const errors: ErrorDetail[] = [];
  const warnings: ErrorDetail[] = [];
  const ctx = { fileName, index, errors, warnings };
  const result =
    layout === 'lineage'
      ? { entries: [], links: readLineage(data, ctx) }
      : { entries: readUnits(layout, data, effectiveOn, ctx), links: [] };
  if (data.length === 0) errors.push({ path: fileName, code: 'unit_import.no_rows' });
  if (errors.length > 0) {
    throw new AppError('unit_import.invalid', {
      params: { file: fileName, count: errors.length },
      details: errors.sort((a, b) => rowOf(a.path) - rowOf(b.path)),
    });
  }
  return {
    layout,
    fileName,
    format,
    effectiveOn,
    ...result,
    rowCount: data.length,
    warnings,
    sha256: canonicalHash(layout, result.entries, result.links),
  };
}

const rowOf = (path: string) => Number(path.split(':')[1] ?? 0) || 0;

function detectLayout(
  header: SheetRow,
  fileName: string,
): { layout: UnitListLayout; index: Map<Column, number> } {
  const folded = header.cells.map((c) => foldVietnamese(c.text.replace(/^\uFEFF/, '')));
  const index = new Map<Column, number>();
  for (const [col, title] of Object.entries(COLUMNS) as [Column, string][]) {
    const i = folded.indexOf(foldVietnamese(title));
    if (i >= 0) index.set(col, i);
  }
  for (const layout of ['dvhc3', 'dvhc2', 'lineage'] as const) {
    if (LAYOUT_COLUMNS[layout].every((c) => index.has(c))) return { layout, index };
  }
  throw new AppError('unit_import.invalid', {
    details: [
      {
        path: `${fileName}:${header.number}`,
        code: 'unit_import.bad_header',
        params: {
          found: header.cells.map((c) => c.text.trim()).join(','),
          dvhc3: expectedHeader('dvhc3'),
          dvhc2: expectedHeader('dvhc2'),
          lineage: expectedHeader('lineage'),
        },
      },
    ],
  });
}

/**
 * The first day a list describes: `--valid-from` if given; else 1 July 2025
 * for a two-level list (the structure took effect then), "since before our
 * records" for a three-level one, and for a lineage list a date in its file
 * name (`lineage-2025-07-01.csv`) — there is no default for a change.
 */
export function resolveEffectiveOn(
  layout: UnitListLayout,
  fileName: string,
  validFrom: string | null,
): string | null {
  if (validFrom) return validFrom;
  if (layout === 'dvhc2') return PROVINCES_2025_EFFECTIVE_ON;
  if (layout === 'dvhc3') return null;
  const m = /(\d{4}-\d{2}-\d{2})/.exec(fileName);
  if (m?.[1] && isIsoDate(m[1])) return m[1];
  throw new AppError('unit_import.invalid', {
    details: [{ path: fileName, code: 'unit_import.date_required' }],
  });
}

interface ReadContext {
  fileName: string;
  index: Map<Column, number>;
  errors: ErrorDetail[];
  warnings: ErrorDetail[];
}

function cell(row: SheetRow, ctx: ReadContext, col: Column): string {
  const i = ctx.index.get(col);
  const c = i === undefined ? undefined : row.cells[i];
  return c ? cleanName(c.text) : '';
}

/** A code cell: a spreadsheet that stored "01" as the number 1 gets its leading zeros back. */
function codeCell(row: SheetRow, ctx: ReadContext, col: Column, kind: AdministrativeKind): string {
  const i = ctx.index.get(col);
  const c = i === undefined ? undefined : row.cells[i];
  if (!c) return '';
  const text = c.text.trim();
  return c.numeric && /^\d+$/.test(text) ? text.padStart(codeWidth[kind], '0') : text;
}

function knownProvinces(effectiveOn: string | null): Map<string, string> {
  const list =
    effectiveOn !== null && effectiveOn >= PROVINCES_2025_EFFECTIVE_ON ? PROVINCES_34 : PROVINCES_63;
  return new Map(list.map((p) => [p.code, p.name]));
}

const COMMUNE_PREFIX = /^(xa|phuong|thi tran|dac khu)\b/;
const DISTRICT_PREFIX = /^(huyen|quan|thi xa|thanh pho)\b/;

function readUnits(
  layout: 'dvhc3' | 'dvhc2',
  data: SheetRow[],
  effectiveOn: string | null,
  ctx: ReadContext,
) {
  const { fileName, errors, warnings } = ctx;
  const at = (row: SheetRow, col?: Column) =>
    col ? `${fileName}:${row.number}:${COLUMNS[col]}` : `${fileName}:${row.number}`;
  const known = knownProvinces(effectiveOn);
  const provinces = new Map<string, { name: string; row: number }>();
  const districts = new Map<string, { name: string; province: string; row: number }>();
  const communes = new Map<string, { entry: SnapshotEntry; row: number }>();

  for (const row of data) {
    const before = errors.length;
    const provinceCode = codeCell(row, ctx, 'provinceCode', 'province');
    const provinceName = cell(row, ctx, 'provinceName');
    const districtCode = layout === 'dvhc3' ? codeCell(row, ctx, 'districtCode', 'district') : '';
    let districtName = layout === 'dvhc3' ? cell(row, ctx, 'districtName') : '';
    const communeCode = codeCell(row, ctx, 'communeCode', 'commune');
    let communeName = cell(row, ctx, 'communeName');
    const level = cell(row, ctx, 'level');

    const required: Column[] =
      layout === 'dvhc3'
        ? ['provinceCode', 'provinceName', 'districtCode', 'districtName', 'communeCode', 'communeName']
        : ['provinceCode', 'provinceName', 'communeCode', 'communeName'];
    const values: Partial<Record<Column, string>> = {
      provinceCode,
      provinceName,
      districtCode,
      districtName,
      communeCode,
      communeName,
    };
    for (const col of required) {
      if (!values[col])
        errors.push({
          path: at(row, col),
          code: 'unit_import.missing_value',
          params: { column: COLUMNS[col] },
        });
    }
    const checkCode = (col: Column, kind: AdministrativeKind, value: string) => {
      if (value && !isOfficialCode(kind, value)) {
        errors.push({
          path: at(row, col),
          code: 'unit_import.bad_code',
          params: { column: COLUMNS[col], value, digits: codeWidth[kind] },
        });
      }
    };
    checkCode('provinceCode', 'province', provinceCode);
    if (layout === 'dvhc3') checkCode('districtCode', 'district', districtCode);
    checkCode('communeCode', 'commune', communeCode);
    if (errors.length > before) continue;

    // some official rows carry the district's and the commune's names in each other's columns
    if (
      layout === 'dvhc3' &&
      COMMUNE_PREFIX.test(foldVietnamese(districtName)) &&
      DISTRICT_PREFIX.test(foldVietnamese(communeName))
    ) {
      [districtName, communeName] = [communeName, districtName];
      warnings.push({
        path: at(row),
        code: 'unit_import.names_swapped',
        params: { district: districtName, commune: communeName },
      });
    }

    let subkind = level ? parseSubkind('commune', level) : null;
    if (!subkind) {
      const fromName = subkindFromName('commune', communeName);
      if (level || !fromName) {
        errors.push({ path: at(row, 'level'), code: 'unit_import.bad_level', params: { value: level } });
        continue;
      }
      subkind = fromName;
      warnings.push({
        path: at(row, 'level'),
        code: 'unit_import.level_inferred',
        params: { value: subkind },
      });
    }

    if (!known.has(provinceCode)) {
      errors.push({
        path: at(row, 'provinceCode'),
        code: 'unit_import.unknown_province',
        params: { code: provinceCode, name: provinceName, count: known.size },
      });
      continue;
    }
    const p = provinces.get(provinceCode);
    if (!p) provinces.set(provinceCode, { name: provinceName, row: row.number });
    else if (p.name !== provinceName) {
      errors.push({
        path: at(row, 'provinceName'),
        code: 'unit_import.inconsistent_name',
        params: { code: provinceCode, name: provinceName, first: p.name, firstRow: p.row },
      });
      continue;
    }

    let parentCode = provinceCode;
    if (layout === 'dvhc3') {
      const d = districts.get(districtCode);
      if (!d) districts.set(districtCode, { name: districtName, province: provinceCode, row: row.number });
      else if (d.province !== provinceCode) {
        errors.push({
          path: at(row, 'districtCode'),
          code: 'unit_import.district_in_two_provinces',
          params: { code: districtCode, province: provinceCode, first: d.province, firstRow: d.row },
        });
        continue;
      } else if (d.name !== districtName) {
        errors.push({
          path: at(row, 'districtName'),
          code: 'unit_import.inconsistent_name',
          params: { code: districtCode, name: districtName, first: d.name, firstRow: d.row },
        });
        continue;
      }
      parentCode = districtCode;
    }

    const dup = communes.get(communeCode);
    if (dup) {
      errors.push({
        path: at(row),
        code: 'unit_import.duplicate_code',
        params: { code: communeCode, firstRow: dup.row },
      });
      continue;
    }
    communes.set(communeCode, {
      row: row.number,
      entry: { kind: 'commune', code: communeCode, name: communeName, subkind, parentCode },
    });
  }

  const entries: SnapshotEntry[] = [];
  for (const [code, p] of provinces) {
    entries.push({
      kind: 'province',
      code,
      name: p.name,
      subkind: subkindFromName('province', p.name),
      parentCode: null,
    });
  }
  for (const [code, d] of districts) {
    entries.push({
      kind: 'district',
      code,
      name: d.name,
      subkind: subkindFromName('district', d.name),
      parentCode: d.province,
    });
  }
  for (const c of communes.values()) entries.push(c.entry);
  return entries;
}

function readLineage(data: SheetRow[], ctx: ReadContext): ListLink[] {
  const { fileName, errors } = ctx;
  const at = (row: SheetRow, col?: Column) =>
    col ? `${fileName}:${row.number}:${COLUMNS[col]}` : `${fileName}:${row.number}`;
  const links: ListLink[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const before = errors.length;
    const level = cell(row, ctx, 'level');
    const toKind = LINK_LEVELS[foldVietnamese(level)];
    if (!toKind)
      errors.push({ path: at(row, 'level'), code: 'unit_import.bad_level', params: { value: level } });
    const kindText = cell(row, ctx, 'linkKind');
    const kind = LINK_KINDS[foldVietnamese(kindText)];
    if (!kind)
      errors.push({
        path: at(row, 'linkKind'),
        code: 'unit_import.bad_link_kind',
        params: { value: kindText },
      });
    const fields: Column[] = ['oldCode', 'oldName', 'newCode', 'newName'];
    for (const col of fields) {
      if (!cell(row, ctx, col))
        errors.push({
          path: at(row, col),
          code: 'unit_import.missing_value',
          params: { column: COLUMNS[col] },
        });
    }
    if (errors.length > before || !toKind || !kind) continue;
    const fromCode = codeCell(row, ctx, 'oldCode', toKind);
    const toCode = codeCell(row, ctx, 'newCode', toKind);
    // a district without communes (an island district) became a commune-level unit itself
    const fromKind = toKind === 'commune' && kindOfCode(fromCode) === 'district' ? 'district' : toKind;
    if (!isOfficialCode(fromKind, fromCode)) {
      errors.push({
        path: at(row, 'oldCode'),
        code: 'unit_import.bad_code',
        params: { column: COLUMNS.oldCode, value: fromCode, digits: codeWidth[toKind] },
      });
    }
    if (!isOfficialCode(toKind, toCode)) {
      errors.push({
        path: at(row, 'newCode'),
        code: 'unit_import.bad_code',
        params: { column: COLUMNS.newCode, value: toCode, digits: codeWidth[toKind] },
      });
    }
    if (errors.length > before) continue;
    const key = `${fromKind}:${fromCode}>${toKind}:${toCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        path: at(row),
        code: 'unit_import.duplicate_link',
        params: { from: fromCode, to: toCode, firstRow: first },
      });
      continue;
    }
    seen.set(key, row.number);
    links.push({
      rowNumber: row.number,
      fromKind,
      fromCode,
      fromName: cell(row, ctx, 'oldName'),
      toKind,
      toCode,
      toName: cell(row, ctx, 'newName'),
      kind,
    });
  }
  return links;
}

function canonicalHash(layout: UnitListLayout, entries: SnapshotEntry[], links: ListLink[]): string {
  const lines =
    layout === 'lineage'
      ? links.map((l) =>
          [l.fromKind, l.fromCode, l.fromName, l.toKind, l.toCode, l.toName, l.kind].join('\t'),
        )
      : entries.map((e) => [e.kind, e.code, e.name, e.subkind ?? '', e.parentCode ?? ''].join('\t'));
  lines.sort();
  return createHash('sha256')
    .update(`${layout}\n${lines.join('\n')}`)
    .digest('hex');
}
