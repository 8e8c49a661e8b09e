/**
 * Writes the Excel template of a reporting round (layout:
 * contracts/exchange-template.ts) with exceljs's streaming writer, so a
 * workbook of a whole province — or of tens of thousands of rows — is
 * written row by row to the response without being held in memory.
 *
 * What a clerk gets: an instructions sheet; a data sheet per kind of unit
 * with codes filled in and locked, Vietnamese and English headers, the
 * indicator's definition, numerator and denominator as a note, last
 * period's figure, yellow input cells with data validation (numerator ≤
 * denominator, whole numbers for counts, 1/0 for yes/no), grey cells where
 * nothing goes; protected sheets; an indicators sheet; and a very hidden
 * sheet naming the round, signed, so an upload is matched to its round.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FigureState } from '../contracts/exchange';
import {
  FIRST_DATA_ROW,
  HEADER_EN_ROW,
  HEADER_VI_ROW,
  INSTRUCTIONS_SHEET,
  META_SHEET,
  metaKeys,
  SUBTITLE_ROW,
  type TemplateMeta,
  type TemplateSheetKind,
  TITLE_ROW,
  templateColumn,
  templateColumns,
} from '../contracts/exchange-template';
import { t } from '../i18n';

/** One data row: a unit and an indicator. */
export interface TemplateRowModel {
  unitCode: string;
  unitName: string;
  indicatorCode: string;
  indicatorNameVi: string;
  indicatorNameEn: string;
  required: boolean;
  kind: 'ratio' | 'count' | 'amount' | 'rank' | 'boolean';
  measure: string;
  /** The definition, numerator and denominator, for the note (both languages). */
  note: string;
  /** Last period's figure as text, e.g. "81,2% (812/1.000)". */
  previous: string | null;
  current: FigureState;
  revision: number | null;
  editable: boolean;
  /** The report's state in words, e.g. "Đang soạn / Draft". */
  status: string;
  signature: string;
}

/** An indicator of the indicators sheet. */
export interface TemplateIndicatorModel {
  code: string;
  nameVi: string;
  nameEn: string;
  kindVi: string;
  kindEn: string;
  measure: string;
  numeratorVi: string | null;
  numeratorEn: string | null;
  denominatorVi: string | null;
  denominatorEn: string | null;
  definitionVi: string | null;
  definitionEn: string | null;
}

/** Everything the writer needs. */
export interface TemplateModel {
  meta: TemplateMeta;
  roundName: string;
  periodVi: string;
  periodEn: string;
  previousVi: string;
  previousEn: string;
  dueVi: string;
  dueEn: string;
  provinceName: string;
  generatedAtText: string;
  isDemo: boolean;
  /** The round is not open yet, or closed: say so on every sheet. */
  roundStateNote: { vi: string; en: string } | null;
  sheets: Array<{ kind: TemplateSheetKind; name: string; rows: TemplateRowModel[] }>;
  indicators: TemplateIndicatorModel[];
}

/** Notes on more rows than this make Excel slow to open; beyond it, one note per indicator and sheet. */
const NOTE_ALL_ROWS_UP_TO = 20_000;

const NAVY = 'FF1F3A5F';
const INPUT = 'FFFFF6D5';
const NA = 'FFE9ECEF';
const LOCKED_ROW = 'FFF3F4F6';
const HEADER = 'FFDCE6F2';
const HEADER_EN = 'FFEEF3F9';
const thin = { style: 'thin' as const, color: { argb: 'FFB8C2CC' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

const vi = (key: string, params?: Record<string, string | number>) => t('vi', key, params);
const en = (key: string, params?: Record<string, string | number>) => t('en', key, params);
const both = (key: string, params?: Record<string, string | number>) =>
  `${vi(key, params)} / ${en(key, params)}`;

const lastVisible = templateColumn('status').letter;

/** Writes the workbook to `output` (a file or an HTTP response) and ends it. */
export async function writeTemplateWorkbook(model: TemplateModel, output: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = 'Nhịp Số';
  wb.created = new Date(model.meta.generatedAt);
  wb.title = model.roundName;

  await writeInstructions(wb, model);
  for (const sheet of model.sheets) await writeDataSheet(wb, model, sheet);
  await writeIndicators(wb, model);
  writeMeta(wb, model.meta);
  await wb.commit();
}

async function writeInstructions(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: TemplateModel) {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET, {
    properties: { tabColor: { argb: NAVY } },
    pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 30 }, { width: 100 }];
  let r = 1;
  const line = (a: string, b = '', style: Partial<ExcelJS.Style> = {}) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    row.getCell(1).style = { font: { bold: true }, alignment: { vertical: 'top', wrapText: true }, ...style };
    row.getCell(2).style = { alignment: { vertical: 'top', wrapText: true }, ...style };
    row.commit();
  };
  line(vi('exchange.template.instructions_title'), '', {
    font: { bold: true, size: 15, color: { argb: NAVY } },
  });
  line(en('exchange.template.instructions_title'), '', {
    font: { italic: true, size: 12, color: { argb: 'FF5B6470' } },
  });
  if (model.isDemo)
    line(both('exchange.template.demo'), '', { font: { bold: true, color: { argb: 'FF9A5B00' } } });
  r++;
  line(both('exchange.template.round'), model.roundName);
  line(both('exchange.template.province'), model.provinceName);
  line(both('exchange.template.period'), `${model.periodVi} / ${model.periodEn}`);
  line(both('exchange.template.due'), `${model.dueVi} / ${model.dueEn}`);
  line(both('exchange.template.generated'), `${model.generatedAtText} — ${model.meta.generatedBy}`);
  line(both('exchange.template.sheets'), model.sheets.map((s) => `${s.name} (${s.rows.length})`).join('; '));
  if (model.roundStateNote)
    line('!', `${model.roundStateNote.vi} / ${model.roundStateNote.en}`, {
      font: { bold: true, color: { argb: 'FFB42318' } },
    });
  r++;
  line(vi('exchange.template.steps_title'), '', { font: { bold: true, size: 12 } });
  for (let i = 1; i <= 8; i++) line(`${i}.`, vi(`exchange.template.step_${i}`));
  r++;
  line(en('exchange.template.steps_title'), '', { font: { bold: true, size: 12, italic: true } });
  for (let i = 1; i <= 8; i++) line(`${i}.`, en(`exchange.template.step_${i}`), { font: { italic: true } });
  r++;
  line(both('exchange.template.legend'), '');
  const legend = (fill: string, key: string) => {
    const row = ws.getRow(r++);
    row.getCell(1).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }, border };
    row.getCell(2).value = both(key);
    row.commit();
  };
  legend(INPUT, 'exchange.template.legend_input');
  legend(NA, 'exchange.template.legend_na');
  legend(LOCKED_ROW, 'exchange.template.legend_locked');
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  ws.commit();
}

function headerNote(key: string): string {
  return `${vi(key)}\n\n${en(key)}`;
}

async function writeDataSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  model: TemplateModel,
  sheet: TemplateModel['sheets'][number],
) {
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: HEADER_EN_ROW, xSplit: 0, zoomScale: 100 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    properties: { tabColor: { argb: 'FFF2C14E' } },
  });
  ws.columns = templateColumns.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden ?? false }));
  const last = FIRST_DATA_ROW + Math.max(sheet.rows.length, 1) - 1;

  // merged before the rows are committed (the streaming writer cannot go back)
  ws.mergeCells(`A${TITLE_ROW}:${lastVisible}${TITLE_ROW}`);
  ws.mergeCells(`A${SUBTITLE_ROW}:${lastVisible}${SUBTITLE_ROW}`);
  const title = ws.getRow(TITLE_ROW);
  title.getCell(1).value =
    `${model.isDemo ? `[${vi('exchange.template.demo')}] ` : ''}${model.roundName} — ${model.periodVi}`;
  title.getCell(1).style = { font: { bold: true, size: 14, color: { argb: NAVY } } };
  title.height = 22;
  title.commit();
  const sub = ws.getRow(SUBTITLE_ROW);
  sub.getCell(1).value = [
    model.provinceName,
    `${vi('exchange.template.due')}: ${model.dueVi}`,
    `${vi('exchange.template.generated')}: ${model.generatedAtText}`,
    model.roundStateNote?.vi ?? '',
    vi('exchange.template.subtitle_hint'),
  ]
    .filter(Boolean)
    .join(' · ');
  sub.getCell(1).style = { font: { size: 10, color: { argb: 'FF5B6470' } } };
  sub.commit();

  const hvi = ws.getRow(HEADER_VI_ROW);
  const hen = ws.getRow(HEADER_EN_ROW);
  for (const [i, c] of templateColumns.entries()) {
    const label = c.key === 'previous' ? `${c.vi} (${model.previousVi})` : c.vi;
    const labelEn = c.key === 'previous' ? `${c.en} (${model.previousEn})` : c.en;
    const a = hvi.getCell(i + 1);
    a.value = label;
    a.style = {
      font: { bold: true, color: { argb: NAVY } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER } },
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
      border,
    };
    const b = hen.getCell(i + 1);
    b.value = labelEn;
    b.style = {
      font: { italic: true, size: 9, color: { argb: 'FF5B6470' } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_EN } },
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
      border,
    };
  }
  for (const [letter, key] of [
    ['B', 'exchange.template.note_codes'],
    ['D', 'exchange.template.note_codes'],
    ['H', 'exchange.template.note_numerator'],
    ['I', 'exchange.template.note_denominator'],
    ['J', 'exchange.template.note_rate'],
    ['K', 'exchange.template.note_value'],
    ['L', 'exchange.template.note_comment'],
    ['G', 'exchange.template.note_previous'],
  ] as const) {
    hvi.getCell(letter).note = headerNote(key);
  }
  hvi.height = 32;
  hvi.commit();
  hen.commit();

  const notesEverywhere = model.sheets.reduce((n, s) => n + s.rows.length, 0) <= NOTE_ALL_ROWS_UP_TO;
  const noted = new Set<string>();
  for (const [i, row] of sheet.rows.entries()) {
    writeDataRow(ws, FIRST_DATA_ROW + i, i + 1, row, notesEverywhere || !noted.has(row.indicatorCode));
    noted.add(row.indicatorCode);
  }

  if (sheet.rows.length > 0) {
    // the streaming writer keeps validations by range; its typings leave the property out
    const validations = (
      ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations;
    const range = (letter: string) => `${letter}${FIRST_DATA_ROW}:${letter}${last}`;
    const r0 = FIRST_DATA_ROW;
    const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop' };
    validations.add(range('H'), {
      ...common,
      type: 'custom',
      formulae: [`AND(ISNUMBER(H${r0}),H${r0}>=0,OR(NOT(ISNUMBER(I${r0})),H${r0}<=I${r0}))`],
      errorTitle: vi('exchange.template.dv_numerator_title'),
      error: `${vi('exchange.template.dv_numerator')} / ${en('exchange.template.dv_numerator')}`,
      promptTitle: vi('exchange.template.dv_numerator_title'),
      prompt: vi('exchange.template.dv_numerator'),
    } as ExcelJS.DataValidation);
    validations.add(range('I'), {
      ...common,
      type: 'custom',
      formulae: [`AND(ISNUMBER(I${r0}),I${r0}>=0,OR(NOT(ISNUMBER(H${r0})),H${r0}<=I${r0}))`],
      errorTitle: vi('exchange.template.dv_denominator_title'),
      error: `${vi('exchange.template.dv_denominator')} / ${en('exchange.template.dv_denominator')}`,
      promptTitle: vi('exchange.template.dv_denominator_title'),
      prompt: vi('exchange.template.dv_denominator'),
    } as ExcelJS.DataValidation);
    const k = `K${r0}`;
    const n = `$N${r0}`;
    validations.add(range('K'), {
      ...common,
      type: 'custom',
      formulae: [
        `AND(ISNUMBER(${k}),IF(${n}="count",AND(${k}>=0,${k}=INT(${k})),IF(${n}="rank",AND(${k}>=1,${k}=INT(${k})),IF(${n}="boolean",OR(${k}=0,${k}=1),TRUE))))`,
      ],
      errorTitle: vi('exchange.template.dv_value_title'),
      error: `${vi('exchange.template.dv_value')} / ${en('exchange.template.dv_value')}`,
      promptTitle: vi('exchange.template.dv_value_title'),
      prompt: vi('exchange.template.dv_value'),
    } as ExcelJS.DataValidation);
    validations.add(range('L'), {
      ...common,
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [2000],
      errorTitle: vi('exchange.template.dv_comment_title'),
      error: `${vi('exchange.template.dv_comment')} / ${en('exchange.template.dv_comment')}`,
    } as ExcelJS.DataValidation);
    ws.autoFilter = `A${HEADER_EN_ROW}:${lastVisible}${last}`;
  }
  // the structure is locked: only the yellow cells take input; the hidden columns stay hidden
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: false,
    formatColumns: false,
    formatRows: true,
    insertRows: false,
    insertColumns: false,
    deleteRows: false,
    deleteColumns: false,
    sort: false,
    autoFilter: true,
  });
  ws.commit();
}

function writeDataRow(
  ws: ExcelJS.Worksheet,
  r: number,
  no: number,
  row: TemplateRowModel,
  withNote: boolean,
) {
  const x = ws.getRow(r);
  const ratio = row.kind === 'ratio';
  const grey = !row.editable;
  const base: Partial<ExcelJS.Style> = {
    border,
    alignment: { vertical: 'top', wrapText: true },
    font: grey ? { color: { argb: 'FF6B7280' } } : {},
    ...(grey ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: LOCKED_ROW } } } : {}),
  };
  const set = (
    key: Parameters<typeof templateColumn>[0],
    value: ExcelJS.CellValue,
    style: Partial<ExcelJS.Style> = {},
  ) => {
    const cell = x.getCell(templateColumn(key).letter);
    cell.value = value;
    cell.style = { ...base, ...style };
    return cell;
  };
  set('no', no, { alignment: { vertical: 'top', horizontal: 'right' } });
  set('unitCode', row.unitCode, { numFmt: '@' });
  set('unitName', row.unitName);
  set('indicatorCode', row.indicatorCode, { numFmt: '@' });
  const name = set(
    'indicatorName',
    `${row.indicatorNameVi}${row.required ? ' *' : ''}\n${row.indicatorNameEn}`,
  );
  if (withNote) name.note = row.note;
  set('measure', row.measure);
  set('previous', row.previous ?? '—', {
    alignment: { vertical: 'top', horizontal: 'right', wrapText: true },
  });

  const input = (key: 'numerator' | 'denominator' | 'value', applies: boolean) => {
    const v = row.current[key];
    const open = row.editable && applies;
    set(key, applies ? v : null, {
      numFmt: row.kind === 'count' || row.kind === 'rank' ? '#,##0' : 'General',
      alignment: { vertical: 'top', horizontal: 'right' },
      ...(open
        ? {
            fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT } },
            protection: { locked: false },
          }
        : applies
          ? {}
          : { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: NA } } }),
    });
  };
  input('numerator', ratio);
  input('denominator', ratio);
  const H = `H${r}`;
  const I = `I${r}`;
  set(
    'rate',
    ratio ? { formula: `IF(AND(ISNUMBER(${H}),ISNUMBER(${I}),${I}>0),${H}/${I},"")` } : null,
    ratio
      ? { numFmt: '0.0%', alignment: { vertical: 'top', horizontal: 'right' } }
      : { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: NA } } },
  );
  input('value', !ratio);
  set(
    'comment',
    row.current.comment,
    row.editable
      ? {
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT } },
          protection: { locked: false },
        }
      : {},
  );
  set('status', row.status);
  set('kind', row.kind);
  set('revision', row.revision);
  set('origNumerator', row.current.numerator);
  set('origDenominator', row.current.denominator);
  set('origValue', row.current.value);
  set('origComment', row.current.comment);
  set('editable', row.editable ? 1 : 0);
  set('signature', row.signature);
  x.commit();
}

async function writeIndicators(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: TemplateModel) {
  const ws = wb.addWorksheet(vi('exchange.template.indicators_sheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = [
    { width: 26 },
    { width: 48 },
    { width: 40 },
    { width: 16 },
    { width: 12 },
    { width: 48 },
    { width: 48 },
    { width: 60 },
  ];
  const head = ws.getRow(1);
  [
    'exchange.template.col_code',
    'exchange.template.col_name',
    'exchange.template.col_name_en',
    'exchange.template.col_kind',
    'exchange.template.col_measure',
    'exchange.template.col_numerator',
    'exchange.template.col_denominator',
    'exchange.template.col_definition',
  ].forEach((key, i) => {
    const c = head.getCell(i + 1);
    c.value = both(key);
    c.style = {
      font: { bold: true, color: { argb: NAVY } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER } },
      alignment: { wrapText: true, vertical: 'middle' },
      border,
    };
  });
  head.commit();
  const pair = (a: string | null, b: string | null) => (a || b ? `${a ?? ''}${b ? `\n${b}` : ''}` : '—');
  model.indicators.forEach((ind, i) => {
    const row = ws.getRow(i + 2);
    [
      ind.code,
      ind.nameVi,
      ind.nameEn,
      `${ind.kindVi} / ${ind.kindEn}`,
      ind.measure,
      pair(ind.numeratorVi, ind.numeratorEn),
      pair(ind.denominatorVi, ind.denominatorEn),
      pair(ind.definitionVi, ind.definitionEn),
    ].forEach((v, j) => {
      const c = row.getCell(j + 1);
      c.value = v;
      c.style = { alignment: { wrapText: true, vertical: 'top' }, border };
    });
    row.commit();
  });
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    autoFilter: true,
    formatColumns: true,
  });
  ws.commit();
}

function writeMeta(wb: ExcelJS.stream.xlsx.WorkbookWriter, meta: TemplateMeta) {
  const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ws.columns = [{ width: 14 }, { width: 60 }];
  metaKeys.forEach((key, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = key;
    row.getCell(2).value = meta[key];
    row.commit();
  });
  ws.commit();
}
