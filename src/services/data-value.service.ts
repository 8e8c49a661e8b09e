/**
 * Saving and reading figures — the one path every channel uses: the web
 * form, the Excel template, the API (JSON, CSV) and DHIS2 `dataValueSets`.
 *
 * A figure is saved only into an open round that asks its unit for that
 * indicator and period, while the unit's report is editable (draft, or
 * returned for correction), by someone who may enter figures at the unit.
 * It is validated with the shared rules (src/domain/validation/) in draft
 * mode: what is filled in must be right; blanks wait for submission. Large
 * changes from the last period and consistency rules come back as warnings
 * until submission, where they block.
 *
 * One call is one transaction: values, revisions, roll-ups of every
 * ancestor, the reports' versions and the audit entry commit together.
 */
import type {
  DataValue,
  DataValueConflict,
  DataValueQuery,
  SaveDataValuesInput,
  SaveDataValuesResult,
  ValueHistory,
} from '../contracts/data-value';
import { actorUserId } from '../domain/auth/actor';
import { AppError, type ErrorParams } from '../domain/errors';
import type { IndicatorKind } from '../domain/indicator/indicator';
import { parsePeriod, periodEnd, periodStart, previousPeriod, tryParsePeriod } from '../domain/period/period';
import { isEditable, valueStatusOf } from '../domain/submission/workflow';
import { builtInConsistencyRules, parseRule, ruleIndicators } from '../domain/validation/rules';
import { evaluateRules, type ValueInput, validateValue } from '../domain/validation/validate';
import { t } from '../i18n';
import {
  type DataValueRecord,
  findValueById,
  findValues,
  insertRevisions,
  insertValues,
  keyOf,
  listRevisions,
  lockValues,
  personNames,
  updateValues,
  type ValueWrite,
} from '../repositories/data-value.repository';
import { type Db, inTransaction } from '../repositories/db';
import {
  askedIndicatorsByRoundKind,
  ensurePeriods,
  indicatorsByIds,
  unitsByIds,
} from '../repositories/round.repository';
import {
  lockOpenSubmissions,
  type SubmissionRecord,
  touchSubmissions,
} from '../repositories/submission.repository';
import { recordAudit } from './audit';
import { requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';
import { applyValueChanges, type ValueChange } from './rollup.service';
import { permissionsAt } from './round-access.service';

export type { DataValueInput, SaveDataValuesInput, SaveDataValuesResult } from '../contracts/data-value';

/** Up to this many reports, a save is audited report by report with every figure; above, as one entry. */
const AUDIT_ONE_BY_ONE = 20;

const blankToNull = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim();

interface Candidate {
  index: number;
  unitId: number;
  indicatorId: number;
  periodId: string;
  code: string;
  kind: IndicatorKind;
  sub: SubmissionRecord;
  merged: {
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    comment: string | null;
  };
  stored: DataValueRecord | undefined;
}

/**
 * Saves figures: validates each with the shared rules, checks the caller may
 * enter figures at its unit and that an open round asks for it, then writes
 * values, revisions and the roll-ups of every ancestor in one transaction.
 *
 * @param input.values `{ unitId, indicatorId, periodId, numerator?, denominator?, value?, comment? }[]`
 *   — an omitted part keeps what is stored, `null` clears it.
 * @param input.source `'form' | 'excel' | 'api' | 'dhis2'`, kept with each revision.
 * @param input.expectedRevisions optional, per value (same index): the revision the caller last saw
 *   (`null`: none). A different stored revision is a conflict `data_value.changed_by_other` that
 *   carries what is stored now, who saved it and when — never a silent overwrite.
 * @param input.atomic default `true`: if any value has a conflict, nothing is saved.
 * @param input.dryRun validate and count only.
 * @returns `{ status, imported, updated, ignored, conflicts: [{ index, unitId, indicatorId, periodId,
 *   code, message, path?, current? }], warnings, revisions, submissionVersions }` — like DHIS2's
 *   import summary; `ignored` counts values identical to what is stored, and refused ones.
 *
 * Conflict codes: `auth.forbidden`, `data_value.unit_not_found`, `data_value.indicator_not_found`,
 * `period.invalid_format`, `data_value.no_open_round`, `data_value.indicator_not_asked`,
 * `data_value.locked`, `data_value.duplicate_in_batch`, `data_value.changed_by_other`, and the
 * validation codes (`validation.rate_over_100`, `validation.not_a_count`, …) with the field's path.
 *
 * @example
 * await saveDataValues(ctx, {
 *   source: 'api',
 *   values: [{ unitId: 812, indicatorId: 31, periodId: '2025', numerator: 4120, denominator: 5230 }],
 * }); // { status: 'success', imported: 1, updated: 0, ignored: 0, conflicts: [], … }
 */
export async function saveDataValues(
  ctx: ServiceContext,
  input: SaveDataValuesInput,
): Promise<SaveDataValuesResult> {
  requireSignedIn(ctx);
  const atomic = input.atomic ?? true;
  const values = input.values;
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now();
    const by = actorUserId(ctx.actor);
    const conflicts: DataValueConflict[] = [];
    const refused = new Set<number>();
    const refuse = (
      index: number,
      code: string,
      params: ErrorParams = {},
      extra: Pick<DataValueConflict, 'path' | 'current'> = {},
    ) => {
      const v = values[index]!;
      refused.add(index);
      conflicts.push({
        index,
        unitId: v.unitId,
        indicatorId: v.indicatorId,
        periodId: v.periodId,
        code,
        message: t(ctx.locale, code, params),
        ...(Object.keys(params).length
          ? { params: params as Record<string, string | number | boolean | null> }
          : {}),
        ...extra,
      });
    };

    const units = await unitsByIds(
      trx,
      values.map((v) => v.unitId),
    );
    const indicators = await indicatorsByIds(
      trx,
      values.map((v) => v.indicatorId),
    );
    const mayEnter = await permissionsAt(ctx, 'figures.enter', [...units.keys()], trx);
    values.forEach((v, i) => {
      if (!units.has(v.unitId)) refuse(i, 'data_value.unit_not_found', { unitId: v.unitId });
      else if (!mayEnter.get(v.unitId)) refuse(i, 'auth.forbidden');
      else if (!indicators.has(v.indicatorId))
        refuse(i, 'data_value.indicator_not_found', { indicatorId: v.indicatorId });
      else if (tryParsePeriod(v.periodId)?.id !== v.periodId)
        refuse(i, 'period.invalid_format', { id: v.periodId });
    });

    // lock order: submissions, then values, then roll-ups (see rollup.repository.ts)
    const pairs = new Map<string, { unitId: number; periodId: string }>();
    values.forEach((v, i) => {
      if (!refused.has(i)) pairs.set(`${v.unitId}:${v.periodId}`, { unitId: v.unitId, periodId: v.periodId });
    });
    const submissions = await lockOpenSubmissions(trx, [...pairs.values()]);
    const asked = await askedIndicatorsByRoundKind(
      trx,
      [...submissions.values()].map((s) => s.roundId),
    );
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
      if (refused.has(i)) return;
      const sub = submissions.get(`${v.unitId}:${v.periodId}`);
      const code = indicators.get(v.indicatorId)!.code;
      const unitName = units.get(v.unitId)!.name;
      const key = keyOf(v);
      if (!sub) refuse(i, 'data_value.no_open_round', { unit: unitName, period: v.periodId });
      else if (!asked.get(`${sub.roundId}:${sub.unitKind}`)?.has(v.indicatorId))
        refuse(i, 'data_value.indicator_not_asked', { indicator: code, unit: unitName });
      else if (!isEditable(sub.state)) refuse(i, 'data_value.locked', { state: sub.state });
      else if (seen.has(key)) refuse(i, 'data_value.duplicate_in_batch', { first: seen.get(key)! + 1 });
      else seen.set(key, i);
    });

    const liveIdx = values.map((_, i) => i).filter((i) => !refused.has(i));
    const stored = await lockValues(
      trx,
      liveIdx.map((i) => values[i]!),
    );
    const names = await personNames(
      trx,
      [...stored.values()].flatMap((s) => (s.updatedBy ? [s.updatedBy] : [])),
    );

    const candidates: Candidate[] = [];
    for (const i of liveIdx) {
      const v = values[i]!;
      const ind = indicators.get(v.indicatorId)!;
      const s = stored.get(keyOf(v));
      const expected = input.expectedRevisions?.[i];
      if (expected !== undefined && (s?.revision ?? null) !== expected) {
        refuse(
          i,
          'data_value.changed_by_other',
          { indicator: ind.code, by: s?.updatedBy ? (names.get(s.updatedBy) ?? '?') : '?' },
          s
            ? {
                path: `values.${ind.code}`,
                current: {
                  revision: s.revision,
                  numerator: s.numerator,
                  denominator: s.denominator,
                  value: s.value,
                  comment: s.comment,
                  updatedBy: s.updatedBy ? (names.get(s.updatedBy) ?? null) : null,
                  updatedAt: new Date(s.updatedAt).toISOString(),
                },
              }
            : { path: `values.${ind.code}` },
        );
        continue;
      }
      const pick = <K extends 'numerator' | 'denominator' | 'value'>(k: K) =>
        v[k] !== undefined ? (v[k] as number | null) : (s?.[k] ?? null);
      const comment = blankToNull(v.comment);
      candidates.push({
        index: i,
        unitId: v.unitId,
        indicatorId: v.indicatorId,
        periodId: v.periodId,
        code: ind.code,
        kind: ind.kind,
        sub: submissions.get(`${v.unitId}:${v.periodId}`)!,
        merged: {
          numerator: pick('numerator'),
          denominator: pick('denominator'),
          value: pick('value'),
          comment: comment !== undefined ? comment : (s?.comment ?? null),
        },
        stored: s,
      });
    }

    // last period's figures, for the "large change" check
    const previousIds = [...new Set(candidates.map((c) => previousPeriod(c.periodId).id))];
    const previous = previousIds.length
      ? await findValues(trx, {
          unitIds: [...new Set(candidates.map((c) => c.unitId))],
          indicatorIds: [...new Set(candidates.map((c) => c.indicatorId))],
          periodIds: previousIds,
        })
      : [];
    const previousByKey = new Map(previous.map((p) => [keyOf(p), p]));
    const warnings: SaveDataValuesResult['warnings'] = [];
    const valid: Candidate[] = [];
    for (const c of candidates) {
      const prev = previousByKey.get(keyOf({ ...c, periodId: previousPeriod(c.periodId).id }));
      const issues = validateValue({ code: c.code, kind: c.kind, required: false }, c.merged, {
        mode: 'draft',
        previous: prev ?? null,
      });
      const errors = issues.filter((x) => x.severity === 'error');
      for (const e of errors) refuse(c.index, e.code, e.params ?? {}, { path: e.path });
      for (const w of issues.filter((x) => x.severity === 'warning')) {
        warnings.push({
          index: c.index,
          path: w.path,
          code: w.code,
          message: t(ctx.locale, w.code, w.params),
        });
      }
      if (errors.length === 0) valid.push(c);
    }

    // consistency rules over the whole report of each unit and period: warnings until submission
    await addRuleWarnings(trx, ctx, valid, warnings);

    const same = (c: Candidate) =>
      c.stored !== undefined &&
      c.stored.numerator === c.merged.numerator &&
      c.stored.denominator === c.merged.denominator &&
      c.stored.value === c.merged.value &&
      c.stored.comment === c.merged.comment;
    const empty = (c: Candidate) =>
      c.stored === undefined &&
      c.merged.numerator === null &&
      c.merged.denominator === null &&
      c.merged.value === null &&
      c.merged.comment === null;
    const toInsert = valid.filter((c) => !c.stored && !empty(c));
    const toUpdate = valid.filter((c) => c.stored && !same(c));
    const revisions: Array<number | null> = values.map(() => null);
    for (const c of valid) if (c.stored && same(c)) revisions[c.index] = c.stored.revision;

    const blocked = conflicts.length > 0 && atomic;
    const result = (written: boolean, versions: Map<number, number>): SaveDataValuesResult => ({
      status:
        conflicts.length === 0
          ? warnings.length
            ? 'warning'
            : 'success'
          : blocked || (toInsert.length === 0 && toUpdate.length === 0)
            ? 'error'
            : 'warning',
      dryRun: input.dryRun ?? false,
      imported: blocked ? 0 : toInsert.length,
      updated: blocked ? 0 : toUpdate.length,
      ignored: blocked ? values.length : values.length - toInsert.length - toUpdate.length,
      conflicts: conflicts.sort((a, b) => a.index - b.index),
      warnings,
      revisions: written ? revisions : values.map(() => null),
      submissionVersions: Object.fromEntries([...versions].map(([id, v]) => [String(id), v])),
    });
    if (blocked || input.dryRun || (toInsert.length === 0 && toUpdate.length === 0)) {
      return result(!blocked && !input.dryRun, new Map());
    }

    const write = (c: Candidate): ValueWrite => ({
      unitId: c.unitId,
      indicatorId: c.indicatorId,
      periodId: c.periodId,
      ...c.merged,
      submissionId: c.sub.id,
      status: valueStatusOf(c.sub.state),
      isDemo: c.sub.isDemo || (input.isDemo ?? false),
    });
    await ensurePeriodRows(
      trx,
      toInsert.map((c) => c.periodId),
    );
    const inserted = await insertValues(trx, toInsert.map(write), by, at);
    const updated = await updateValues(
      trx,
      toUpdate.map((c) => ({ ...write(c), id: c.stored!.id })),
      by,
      at,
    );
    const written = [...inserted, ...updated];
    const byKey = new Map(written.map((w) => [keyOf(w), w]));
    for (const c of [...toInsert, ...toUpdate]) revisions[c.index] = byKey.get(keyOf(c))!.revision;
    await insertRevisions(
      trx,
      written.map((w) => ({
        dataValueId: w.id,
        revision: w.revision,
        numerator: w.numerator,
        denominator: w.denominator,
        value: w.value,
        comment: w.comment,
        status: w.status,
        reason: input.reason ?? null,
        source: input.source,
      })),
      by,
      at,
    );
    const changes: ValueChange[] = [...toInsert, ...toUpdate].map((c) => {
      const w = byKey.get(keyOf(c))!;
      return {
        unitId: c.unitId,
        indicatorId: c.indicatorId,
        periodId: c.periodId,
        before: c.stored
          ? {
              numerator: c.stored.numerator,
              denominator: c.stored.denominator,
              value: c.stored.value,
              status: c.stored.status,
            }
          : null,
        after: { numerator: w.numerator, denominator: w.denominator, value: w.value, status: w.status },
      };
    });
    await applyValueChanges(trx, changes);
    const touched = [...new Set([...toInsert, ...toUpdate].map((c) => c.sub.id))];
    const versions = await touchSubmissions(trx, touched, at);

    // one audit entry per report touched, with each figure before and after;
    // an import across many reports is one act, audited as one entry
    const batchAudit = touched.length > AUDIT_ONE_BY_ONE;
    if (batchAudit) {
      const provinces = new Set([...toInsert, ...toUpdate].map((c) => c.sub.provinceId));
      await recordAudit(trx, ctx, {
        action: 'data_value.save',
        entityType: 'submission',
        entityId: null,
        unitId: provinces.size === 1 ? (toInsert[0] ?? toUpdate[0])!.sub.provinceId : null,
        after: {
          source: input.source,
          ...(input.reason ? { reason: input.reason } : {}),
          imported: toInsert.length,
          updated: toUpdate.length,
          reports: touched.map((id) => {
            const mine = [...toInsert, ...toUpdate].filter((c) => c.sub.id === id);
            return { id, unit: mine[0]!.sub.unitId, figures: mine.length };
          }),
        },
      });
    }
    for (const subId of batchAudit ? [] : touched) {
      const mine = [...toInsert, ...toUpdate].filter((c) => c.sub.id === subId);
      const sub = mine[0]!.sub;
      const figure = (x: {
        numerator: number | null;
        denominator: number | null;
        value: number | null;
        comment: string | null;
      }) => ({
        numerator: x.numerator,
        denominator: x.denominator,
        value: x.value,
        comment: x.comment,
      });
      await recordAudit(trx, ctx, {
        action: 'data_value.save',
        entityType: 'submission',
        entityId: subId,
        unitId: sub.unitId,
        // arrays, not objects keyed by code: readers map JSON keys to camelCase
        before: {
          values: mine.map((c) => ({
            indicator: c.code,
            period: c.periodId,
            ...(c.stored ? figure(c.stored) : {}),
          })),
        },
        after: {
          source: input.source,
          ...(input.reason ? { reason: input.reason } : {}),
          values: mine.map((c) => ({ indicator: c.code, period: c.periodId, ...figure(c.merged) })),
        },
      });
    }
    return result(true, versions);
  });
}

async function ensurePeriodRows(trx: Db, ids: readonly string[]): Promise<void> {
  await ensurePeriods(
    trx,
    [...new Set(ids)].map((id) => {
      const p = parsePeriod(id);
      return { id, kind: p.kind, startsOn: periodStart(p), endsOn: periodEnd(p) };
    }),
  );
}

/** Consistency rules over each unit's whole report for the period, as warnings (they block at submission). */
async function addRuleWarnings(
  trx: Db,
  ctx: ServiceContext,
  valid: readonly Candidate[],
  warnings: SaveDataValuesResult['warnings'],
): Promise<void> {
  const groups = new Map<string, Candidate[]>();
  for (const c of valid) {
    const k = `${c.unitId}:${c.periodId}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  if (groups.size === 0) return;
  const storedAll = await findValues(trx, {
    unitIds: [...new Set(valid.map((c) => c.unitId))],
    periodIds: [...new Set(valid.map((c) => c.periodId))],
  });
  const codes = await indicatorsByIds(
    trx,
    storedAll.map((s) => s.indicatorId),
  );
  for (const [k, group] of groups) {
    const report: Record<string, ValueInput> = {};
    for (const s of storedAll) {
      if (`${s.unitId}:${s.periodId}` === k) report[codes.get(s.indicatorId)?.code ?? ''] = s;
    }
    for (const c of group) report[c.code] = c.merged;
    const touched = new Set(group.map((c) => c.code));
    // only the rules over figures this save touches, so a save does not repeat older warnings
    const rules = builtInConsistencyRules.filter((r) =>
      ruleIndicators(parseRule(r.expression)).some((code) => touched.has(code)),
    );
    for (const issue of evaluateRules(rules, report)) {
      warnings.push({
        index: null,
        path: issue.path,
        code: issue.code,
        message: t(ctx.locale, issue.code, issue.params),
      });
    }
  }
}

/**
 * Throws the conflicts of a save as one error, for callers that want all or
 * nothing (the web form): 409 `data_value.conflict` when someone else changed
 * a value meanwhile, else 422 `data_value.rejected` — with every problem at its field.
 */
export function throwIfConflicts(result: SaveDataValuesResult): void {
  if (result.conflicts.length === 0) return;
  const details = result.conflicts.map((c) => ({
    path: c.path ?? `values.${c.index}`,
    code: c.code,
    params: {
      ...(c.params ?? {}),
      ...(c.current
        ? {
            by: c.current.updatedBy,
            at: c.current.updatedAt,
            numerator: c.current.numerator,
            denominator: c.current.denominator,
            value: c.current.value,
          }
        : {}),
    },
  }));
  const other = result.conflicts.some((c) => c.code === 'data_value.changed_by_other');
  throw new AppError(other ? 'data_value.conflict' : 'data_value.rejected', {
    status: other ? 409 : 422,
    details,
  });
}

/**
 * Reads stored figures of units the caller may read (all must be), for
 * periods and optionally indicators and statuses, in key order.
 * @example await getDataValues(ctx, { unitIds: [812], periodIds: ['2024', '2025'] })
 */
export async function getDataValues(ctx: ServiceContext, q: DataValueQuery): Promise<{ items: DataValue[] }> {
  requireSignedIn(ctx);
  for (const unitId of new Set(q.unitIds)) await requirePermission(ctx, 'figures.read', unitId);
  const rows = await findValues(ctx.db, {
    unitIds: q.unitIds,
    periodIds: q.periodIds,
    ...(q.indicatorIds ? { indicatorIds: q.indicatorIds } : {}),
    ...(q.statuses ? { statuses: q.statuses } : {}),
  });
  return { items: await toDataValues(ctx.db, rows) };
}

/** The API view of stored values. */
export async function toDataValues(db: Db, rows: readonly DataValueRecord[]): Promise<DataValue[]> {
  const [units, indicators, names] = await Promise.all([
    unitsByIds(
      db,
      rows.map((r) => r.unitId),
    ),
    indicatorsByIds(
      db,
      rows.map((r) => r.indicatorId),
    ),
    personNames(
      db,
      rows.flatMap((r) => (r.updatedBy ? [r.updatedBy] : [])),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitCode: units.get(r.unitId)?.code ?? '',
    unitName: units.get(r.unitId)?.name ?? '',
    indicatorId: r.indicatorId,
    indicatorCode: indicators.get(r.indicatorId)?.code ?? '',
    periodId: r.periodId,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    comment: r.comment,
    status: r.status,
    revision: r.revision,
    submissionId: r.submissionId,
    isDemo: r.isDemo,
    updatedBy: r.updatedBy ? (names.get(r.updatedBy) ?? null) : null,
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}

/**
 * Every revision of one figure, newest first: who, when, why, from where.
 * Readable by whoever may read the unit's figures.
 */
export async function getValueHistory(
  ctx: ServiceContext,
  key: { unitId: number; indicatorId: number; periodId: string },
): Promise<ValueHistory> {
  await requirePermission(ctx, 'figures.read', key.unitId);
  const [value] = await findValues(ctx.db, {
    unitIds: [key.unitId],
    indicatorIds: [key.indicatorId],
    periodIds: [key.periodId],
  });
  const indicator = (await indicatorsByIds(ctx.db, [key.indicatorId])).get(key.indicatorId);
  if (!indicator)
    throw new AppError('data_value.indicator_not_found', {
      status: 404,
      params: { indicatorId: key.indicatorId },
    });
  const items = value ? await listRevisions(ctx.db, value.id) : [];
  return {
    dataValueId: value?.id ?? null,
    indicatorCode: indicator.code,
    periodId: key.periodId,
    items: items.map((r) => ({
      revision: r.revision,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      comment: r.comment,
      status: r.status,
      reason: r.reason,
      source: r.source,
      changedBy: r.changedByName,
      changedAt: new Date(r.changedAt).toISOString(),
    })),
  };
}

/** The history of a stored value by its id. */
export async function getValueHistoryById(ctx: ServiceContext, id: number): Promise<ValueHistory> {
  const v = await findValueById(ctx.db, id);
  if (!v) throw new AppError('data_value.not_found', { status: 404, params: { id } });
  return getValueHistory(ctx, { unitId: v.unitId, indicatorId: v.indicatorId, periodId: v.periodId });
}
