/**
 * Uploading figures from a file — the round's Excel template, or a CSV of
 * figures by code — in two steps:
 *
 * 1. **Preview** (a dry run): the file is read, every bad cell is listed by
 *    sheet, row, column and reason (Vietnamese and English), and every figure
 *    it would add, change or clear is shown old → new. Nothing is saved.
 * 2. **Confirm**: the same file is sent again with the preview's token. The
 *    token names the file and what was stored when the preview was made; if
 *    someone changed one of those figures since, the answer is a fresh preview
 *    (`stale`) instead of a save. Otherwise everything is saved in one
 *    transaction through `saveDataValues` (source `excel`), or nothing is.
 *
 * Nothing is kept between the two steps, so any app process can answer the
 * second; long uploads report progress through a callback (the HTTP route
 * streams it to the page).
 */
import { createHash } from 'node:crypto';
import type {
  FigureRow,
  RowLocation,
  RowProblem,
  UploadChange,
  UploadPhase,
  UploadProblem,
  UploadResult,
} from '../contracts/exchange';
import { AppError } from '../domain/errors';
import { formatPeriod } from '../domain/period/period';
import { decodeUtf8 } from '../importers/spreadsheet/csv';
import { type FiguresRead, readFigureCsv } from '../importers/spreadsheet/figure-csv.reader';
import {
  looksLikeXlsx,
  readTemplateMeta,
  readTemplateRows,
  readWorkbook,
} from '../importers/spreadsheet/template.reader';
import { templateSigningKey } from '../repositories/exchange.repository';
import { findRound } from '../repositories/round.repository';
import { requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';
import { type FigureCheck, importFigures, problemMessage } from './exchange.service';

/** What the person sent. */
export interface UploadInput {
  bytes: Uint8Array;
  fileName: string;
  /** Save (with `previewToken`) rather than preview. */
  confirm: boolean;
  previewToken?: string;
  /** The round the page expects; a template of another round is refused. */
  roundId?: number;
  /** Only figures of this unit's subtree. */
  withinUnitId?: number;
}

/** Progress of an upload: the step, how far, and out of how many (null: unknown). */
export type UploadProgress = (phase: UploadPhase, done: number, total: number | null) => void;

/** The preview lists at most this many changes (all are counted). */
export const MAX_CHANGES_SHOWN = 2000;
/** And at most this many problems (all are counted). */
export const MAX_PROBLEMS_SHOWN = 5000;

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** The token of a preview: the file and what was stored for each figure it changes. */
function previewToken(fileSha: string, checks: FigureCheck[]): string {
  const h = createHash('sha256').update(fileSha);
  for (const c of checks) {
    if (c.problems.length || !c.change || !c.unit || !c.indicator) continue;
    h.update(`|${c.unit.id}:${c.indicator.id}:${c.periodId}:${c.storedRevision ?? '-'}:${c.change}`);
  }
  return h.digest('base64url');
}

/**
 * Reads an upload, previews it or (confirmed) saves it.
 * @throws AppError `exchange.not_xlsx` / `exchange.legacy_xls` (415), `exchange.not_a_template`,
 *   `exchange.template_tampered`, `exchange.template_version`, `exchange.round_not_open` (422),
 *   `exchange.template_other_round` (409), `exchange.round_not_found` (404),
 *   `exchange.units_out_of_scope` (403), and the CSV header errors
 */
export async function processUpload(
  ctx: ServiceContext,
  input: UploadInput,
  onProgress: UploadProgress = () => {},
): Promise<UploadResult> {
  requireSignedIn(ctx);
  if (input.withinUnitId !== undefined) await requirePermission(ctx, 'figures.enter', input.withinUnitId);
  const { bytes, fileName } = input;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lower = fileName.toLowerCase();

  let read: FiguresRead & { untouched?: number };
  let template: UploadResult['template'] = null;
  let format: 'xlsx' | 'csv';
  onProgress('read', 0, null);
  if (looksLikeXlsx(bytes)) {
    format = 'xlsx';
    const key = await templateSigningKey(ctx.db);
    // the bytes read are the progress of this step: the rows' number is only known at the end
    const wb = await readWorkbook(bytes, fileName, (done, total) => onProgress('read', done, total));
    const meta = readTemplateMeta(wb, key, fileName);
    const round = await findRound(ctx.db, meta.roundId);
    if (!round)
      throw new AppError('exchange.round_not_found', { status: 404, params: { round: meta.roundName } });
    if (input.roundId !== undefined && input.roundId !== round.id) {
      const expected = await findRound(ctx.db, input.roundId);
      throw new AppError('exchange.template_other_round', {
        status: 409,
        params: { round: round.name, expected: expected?.name ?? String(input.roundId) },
      });
    }
    if (round.state !== 'open')
      throw new AppError('exchange.round_not_open', {
        status: 422,
        params: { round: round.name, state: round.state },
      });
    read = readTemplateRows(wb, meta, key);
    template = {
      version: meta.version,
      roundId: round.id,
      roundName: round.name,
      periodId: round.periodId,
      periodLabel: formatPeriod(round.periodId, ctx.locale),
      provinceName: meta.provinceName,
      generatedAt: meta.generatedAt,
    };
  } else if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new AppError('exchange.legacy_xls', { status: 415, params: { file: fileName } });
  } else if (
    lower.endsWith('.csv') ||
    lower.endsWith('.txt') ||
    (!/\.[a-z0-9]+$/.test(lower) && decodeUtf8(bytes) !== null)
  ) {
    format = 'csv';
    read = readFigureCsv(bytes, fileName);
    onProgress('read', read.lineCount, read.lineCount);
  } else {
    throw new AppError('exchange.not_xlsx', { status: 415, params: { file: fileName } });
  }

  const rows = read.rows.map((r) => r.row);
  const locations = new Map(read.rows.map((r) => [r.row.index, r.at]));
  const result = await importFigures(ctx, {
    rows,
    problems: read.problems,
    source: 'excel',
    dryRun: !input.confirm,
    atomic: true,
    ...(input.withinUnitId !== undefined ? { withinUnitId: input.withinUnitId } : {}),
    beforeSave: (checks) => {
      if (previewToken(sha256, checks) !== input.previewToken) return false;
      // a CSV says nothing of what its sender saw: hold on to what the preview showed
      checks.forEach((c, i) => {
        const row = rows[i] as FigureRow;
        if (row.expectedRevision === undefined) row.expectedRevision = c.storedRevision;
      });
      return true;
    },
    onProgress,
  });

  const problems = result.problems.map((p) => locate(p, locations, rows));
  const counts = {
    rows: read.lineCount,
    new: 0,
    changed: 0,
    unchanged: read.untouched ?? 0,
    cleared: 0,
    problems: problems.length,
  };
  const changes: UploadChange[] = [];
  for (const c of result.rows) {
    if (c.problems.length || !c.change || !c.unit || !c.indicator || !c.after) continue;
    counts[c.change]++;
    if (c.change === 'unchanged' || changes.length >= MAX_CHANGES_SHOWN) continue;
    const at = locations.get(c.index);
    changes.push({
      sheet: at?.sheet ?? null,
      row: at?.row ?? null,
      unitCode: c.unit.code,
      unitName: c.unit.name,
      indicatorCode: c.indicator.code,
      indicatorName: ctx.locale === 'en' ? c.indicator.nameEn : c.indicator.nameVi,
      indicatorKind: c.indicator.kind,
      periodId: c.periodId ?? '',
      change: c.change,
      before: c.before,
      after: c.after,
    });
  }
  const warnings = result.warnings.map((w) => {
    const at = w.index === null ? undefined : locations.get(w.index);
    const column = w.field ? at?.columns[w.field]?.letter : undefined;
    const message = String(w.params.message ?? '');
    return {
      sheet: at?.sheet ?? null,
      row: at?.row ?? null,
      cell: column && at?.row ? `${column}${at.row}` : null,
      code: w.code,
      reason: { vi: message, en: message },
    };
  });
  const status: UploadResult['status'] = problems.length
    ? 'invalid'
    : result.stopped
      ? 'stale'
      : result.written
        ? 'saved'
        : counts.new + counts.changed + counts.cleared === 0
          ? 'empty'
          : 'ready';
  return {
    status,
    file: { name: fileName, format, size: bytes.byteLength, sha256 },
    template,
    counts,
    problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    changes,
    warnings,
    previewToken: status === 'ready' || status === 'stale' ? previewToken(sha256, result.rows) : null,
    saved:
      status === 'saved'
        ? { imported: result.counts.imported, updated: result.counts.updated + result.counts.deleted }
        : null,
  };
}

/** A problem at its cell: from the reader's own location, or from the row's and the field's column. */
function locate(p: RowProblem, locations: Map<number, RowLocation>, rows: FigureRow[]): UploadProblem {
  const reason = { vi: problemMessage('vi', p), en: problemMessage('en', p) };
  if (p.at) {
    return {
      sheet: p.at.sheet,
      row: p.at.row,
      column: p.at.column,
      columnLabel: p.at.columnLabel,
      cell: p.at.column && p.at.row ? `${p.at.column}${p.at.row}` : null,
      value: p.value ?? null,
      code: p.code,
      reason,
    };
  }
  const at = p.index === null ? undefined : locations.get(p.index);
  const col = at ? (at.columns[p.field ?? 'row'] ?? at.columns.row) : undefined;
  const row = p.index === null ? undefined : rows[p.index];
  const fieldValue =
    row &&
    (p.field === 'numerator' || p.field === 'denominator' || p.field === 'value' || p.field === 'comment')
      ? row[p.field]
      : row && p.field === 'unit'
        ? row.unitCode
        : row && p.field === 'indicator'
          ? row.indicatorCode
          : undefined;
  return {
    sheet: at?.sheet ?? null,
    row: at?.row ?? null,
    column: col?.letter ?? null,
    columnLabel: col?.label ?? null,
    cell: col && at?.row ? `${col.letter}${at.row}` : null,
    value: p.value ?? (fieldValue === undefined || fieldValue === null ? null : String(fieldValue)),
    code: p.code,
    reason,
  };
}
