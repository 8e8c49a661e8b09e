/**
 * The Excel template of a reporting round: for one unit, or for every unit of
 * the round the caller may read in one workbook (a sheet per kind of unit:
 * departments and agencies, districts, communes — a clerk filters by unit;
 * the province's coordinator fills many units at once). Rows carry the
 * figures stored so far, so a template downloaded again is the current
 * state, and the revision each was made from, so an upload never overwrites
 * a change made meanwhile by someone else without saying so.
 */
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { FigureState } from '../contracts/exchange';
import {
  sheetKindOf,
  sheetNames,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  type TemplateMeta,
  type TemplateSheetKind,
  templateSheetKinds,
} from '../contracts/exchange-template';
import { AppError, notFound } from '../domain/errors';
import { formatPeriod, previousPeriod } from '../domain/period/period';
import { lastDayOnTime } from '../domain/submission/deadline';
import { foldVietnamese } from '../domain/text';
import {
  type TemplateModel,
  type TemplateRowModel,
  writeTemplateWorkbook,
} from '../exporters/excel-template.exporter';
import { t } from '../i18n';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../i18n/format';
import { signMeta, signRow } from '../importers/spreadsheet/template-signature';
import { type DataValueRecord, findValues } from '../repositories/data-value.repository';
import { templateSigningKey } from '../repositories/exchange.repository';
import { findIndicators } from '../repositories/indicator.repository';
import {
  findRound,
  listRoundIndicators,
  listRoundUnits,
  predecessorsOf,
  type RoundUnitRecord,
  unitsByIds,
} from '../repositories/round.repository';
import { permittedUnitIds, requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';

/** A template ready to be written: its file name and what goes in it. */
export interface PreparedTemplate {
  fileName: string;
  rowCount: number;
  model: TemplateModel;
}

const kindWords: Record<string, { vi: string; en: string }> = {
  ratio: { vi: 'Tỷ lệ', en: 'Ratio' },
  count: { vi: 'Số lượng', en: 'Count' },
  amount: { vi: 'Giá trị', en: 'Amount' },
  rank: { vi: 'Thứ hạng', en: 'Rank' },
  boolean: { vi: 'Có/Không', en: 'Yes/No' },
};

const stateWords = (state: RoundUnitRecord['state'], editable: boolean) => {
  const key = state ?? 'none';
  return `${t('vi', `exchange.template.state_${key}`)} / ${t('en', `exchange.template.state_${key}`)}${
    !editable && (state === null || state === 'draft' || state === 'returned')
      ? ` — ${t('vi', 'exchange.template.read_only')}`
      : ''
  }`;
};

/** Last period's figure as a clerk reads it. */
function previousText(kind: string, v: FigureState | null, approximate: boolean): string | null {
  if (!v) return null;
  const approx = approximate ? '≈ ' : '';
  if (kind === 'ratio') {
    if (v.numerator === null || v.denominator === null) return null;
    const rate = v.denominator > 0 ? formatPercent((100 * v.numerator) / v.denominator, 'vi') : '—';
    return `${approx}${rate} (${formatNumber(v.numerator, 'vi')}/${formatNumber(v.denominator, 'vi')})`;
  }
  if (v.value === null) return null;
  if (kind === 'boolean') return v.value === 1 ? 'Có / Yes' : 'Không / No';
  return `${approx}${formatNumber(v.value, 'vi')}`;
}

const state = (
  v: Pick<DataValueRecord, 'numerator' | 'denominator' | 'value' | 'comment'> | undefined,
): FigureState => ({
  numerator: v?.numerator ?? null,
  denominator: v?.denominator ?? null,
  value: v?.value ?? null,
  comment: v?.comment?.trim() ? v.comment.trim() : null,
});

/**
 * Reads and checks everything a template needs. `unitId` given: that unit's
 * template (it must be asked by the round, and readable by the caller);
 * otherwise every unit of the round the caller may read figures of.
 */
export async function prepareRoundTemplate(
  ctx: ServiceContext,
  q: { roundId: number; unitId?: number },
): Promise<PreparedTemplate> {
  requireSignedIn(ctx);
  const db = ctx.db;
  const round = await findRound(db, q.roundId);
  if (!round) throw notFound('round', q.roundId);
  const province = (await unitsByIds(db, [round.provinceId])).get(round.provinceId);
  const allUnits = await listRoundUnits(db, round.id);
  let units: RoundUnitRecord[];
  if (q.unitId !== undefined) {
    await requirePermission(ctx, 'figures.read', q.unitId);
    const u = allUnits.find((x) => x.unitId === q.unitId);
    if (!u)
      throw new AppError('exchange.unit_not_in_round', {
        status: 404,
        params: { unitId: q.unitId, round: round.name },
      });
    units = [u];
  } else {
    const readable = await permittedUnitIds(ctx, 'figures.read');
    units = readable === 'all' ? allUnits : allUnits.filter((u) => readable.has(u.unitId));
    if (units.length === 0) throw new AppError('auth.forbidden', { status: 403 });
  }
  const enterable = await permittedUnitIds(ctx, 'figures.enter');
  const asked = await listRoundIndicators(db, round.id);
  const catalog = new Map((await findIndicators(db)).map((i) => [i.id, i]));
  const unitIds = units.map((u) => u.unitId);
  const indicatorIds = [...new Set(asked.map((a) => a.indicatorId))];
  const prevId = previousPeriod(round.periodId).id;
  const [current, previous] = await Promise.all([
    findValues(db, { unitIds, periodIds: [round.periodId], indicatorIds }),
    findValues(db, { unitIds, periodIds: [prevId], indicatorIds }),
  ]);
  const currentOf = new Map(current.map((v) => [`${v.unitId}:${v.indicatorId}`, v]));
  const previousOf = new Map(previous.map((v) => [`${v.unitId}:${v.indicatorId}`, v]));
  // a unit made on 1 July 2025 from older ones: last period is their sum
  const preds = await predecessorsOf(db, unitIds);
  const predIds = [...new Set([...preds.values()].flat().map((p) => p.unitId))];
  const predValues = predIds.length
    ? await findValues(db, { unitIds: predIds, periodIds: [prevId], indicatorIds })
    : [];
  const predOf = new Map(predValues.map((v) => [`${v.unitId}:${v.indicatorId}`, v]));
  const lineagePrevious = (unitId: number, indicatorId: number, kind: string) => {
    const from = preds.get(unitId) ?? [];
    const rows = from.flatMap((p) => {
      const v = predOf.get(`${p.unitId}:${indicatorId}`);
      return v ? [v] : [];
    });
    if (from.length === 0 || rows.length === 0) return null;
    const sum = (k: 'numerator' | 'denominator' | 'value') =>
      rows.every((r) => r[k] !== null) ? rows.reduce((a, r) => a + (r[k] as number), 0) : null;
    return {
      figure: {
        numerator: kind === 'ratio' ? sum('numerator') : null,
        denominator: kind === 'ratio' ? sum('denominator') : null,
        value: kind === 'ratio' ? null : sum('value'),
        comment: null,
      },
      approximate: from.some((p) => p.kind === 'partial') || rows.length < from.length,
    };
  };

  const key = await templateSigningKey(db);
  const bySheet = new Map<TemplateSheetKind, TemplateRowModel[]>();
  const openOrDraft = round.state !== 'closed';
  for (const u of units) {
    const sheetKind = sheetKindOf(u.kind);
    const mine = asked.filter((a) => a.unitKind === u.kind);
    const editable =
      openOrDraft &&
      (u.state === null || u.state === 'draft' || u.state === 'returned') &&
      (enterable === 'all' || enterable.has(u.unitId));
    for (const a of mine) {
      const ind = catalog.get(a.indicatorId);
      if (!ind) continue;
      const v = currentOf.get(`${u.unitId}:${a.indicatorId}`);
      const cur = state(v);
      const own = previousOf.get(`${u.unitId}:${a.indicatorId}`);
      const prev = own
        ? { figure: state(own), approximate: false }
        : lineagePrevious(u.unitId, a.indicatorId, ind.kind);
      const identity = {
        roundId: round.id,
        periodId: round.periodId,
        sheetKind,
        unitCode: u.code,
        indicatorCode: ind.code,
        kind: ind.kind,
        revision: v?.revision ?? null,
        ...cur,
        editable,
      };
      const note = [
        `${ind.code} — ${ind.nameVi}`,
        ind.definitionVi ? `Định nghĩa: ${ind.definitionVi}` : '',
        ind.numeratorVi ? `Tử số: ${ind.numeratorVi}` : '',
        ind.denominatorVi ? `Mẫu số: ${ind.denominatorVi}` : '',
        `Đơn vị tính: ${ind.unitOfMeasure}${a.required ? ' · Bắt buộc' : ''}`,
        '',
        ind.nameEn,
        ind.definitionEn ? `Definition: ${ind.definitionEn}` : '',
        ind.numeratorEn ? `Numerator: ${ind.numeratorEn}` : '',
        ind.denominatorEn ? `Denominator: ${ind.denominatorEn}` : '',
        a.required ? 'Required' : '',
      ]
        .filter((x, i) => x !== '' || i === 5)
        .join('\n');
      const rows = bySheet.get(sheetKind) ?? [];
      rows.push({
        unitCode: u.code,
        unitName:
          u.parentName && u.kind !== 'department' && u.kind !== 'agency'
            ? `${u.name} (${u.parentName})`
            : u.name,
        indicatorCode: ind.code,
        indicatorNameVi: ind.nameVi,
        indicatorNameEn: ind.nameEn,
        required: a.required,
        kind: ind.kind,
        measure: ind.unitOfMeasure,
        note,
        previous: prev ? previousText(ind.kind, prev.figure, prev.approximate) : null,
        current: cur,
        revision: v?.revision ?? null,
        editable,
        status: stateWords(u.state, editable),
        signature: signRow(key, identity),
      });
      bySheet.set(sheetKind, rows);
    }
  }
  const sheets = templateSheetKinds
    .filter((k) => bySheet.has(k))
    .map((k) => ({ kind: k, name: sheetNames[k], rows: bySheet.get(k)! }));
  const rowCount = sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rowCount === 0)
    throw new AppError('exchange.nothing_asked', { status: 404, params: { round: round.name } });

  const generatedAt = ctx.now();
  const person =
    ctx.actor.kind === 'user' || ctx.actor.kind === 'token'
      ? ctx.actor.label
      : t('vi', 'exchange.template.system');
  const unsigned: Omit<TemplateMeta, 'signature'> = {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    templateId: randomBytes(9).toString('base64url'),
    roundId: round.id,
    roundName: round.name,
    periodId: round.periodId,
    provinceId: round.provinceId,
    provinceName: province?.name ?? '',
    generatedAt: generatedAt.toISOString(),
    generatedBy: person,
    sheets: sheets.map((s) => s.kind).join(','),
    rows: rowCount,
  };
  const meta: TemplateMeta = { ...unsigned, signature: signMeta(key, unsigned) };
  const due = lastDayOnTime(round.dueOn, round.dueBefore);
  const usedIds = new Set(
    asked.filter((a) => units.some((u) => u.kind === a.unitKind)).map((a) => a.indicatorId),
  );
  const indicators = [...usedIds]
    .map((id) => catalog.get(id)!)
    .filter(Boolean)
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code))
    .map((i) => ({
      code: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      kindVi: kindWords[i.kind]?.vi ?? i.kind,
      kindEn: kindWords[i.kind]?.en ?? i.kind,
      measure: i.unitOfMeasure,
      numeratorVi: i.numeratorVi,
      numeratorEn: i.numeratorEn,
      denominatorVi: i.denominatorVi,
      denominatorEn: i.denominatorEn,
      definitionVi: i.definitionVi,
      definitionEn: i.definitionEn,
    }));
  const only = q.unitId !== undefined ? units[0] : undefined;
  const slug = (s: string) =>
    foldVietnamese(s)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
  const fileName = `bieu-mau-${slug(round.name)}-${round.periodId}${only ? `-${slug(only.code)}` : ''}.xlsx`;
  return {
    fileName,
    rowCount,
    model: {
      meta,
      roundName: round.name,
      periodVi: formatPeriod(round.periodId, 'vi'),
      periodEn: formatPeriod(round.periodId, 'en'),
      previousVi: formatPeriod(prevId, 'vi'),
      previousEn: formatPeriod(prevId, 'en'),
      dueVi: `${round.dueBefore ? 'trước ngày ' : ''}${formatDate(round.dueOn)} (${t('vi', 'exchange.template.last_day')} ${formatDate(due)})`,
      dueEn: `${round.dueBefore ? 'before ' : ''}${formatDate(round.dueOn)} (${t('en', 'exchange.template.last_day')} ${formatDate(due)})`,
      provinceName: province?.name ?? '',
      generatedAtText: formatDateTime(generatedAt),
      isDemo: round.isDemo,
      roundStateNote:
        round.state === 'open'
          ? null
          : {
              vi: t('vi', `exchange.template.round_${round.state}`),
              en: t('en', `exchange.template.round_${round.state}`),
            },
      sheets,
      indicators,
    },
  };
}

/** Writes a prepared template (to an HTTP response or a file) and ends the stream. */
export function writeRoundTemplate(prepared: PreparedTemplate, output: Writable): Promise<void> {
  return writeTemplateWorkbook(prepared.model, output);
}
