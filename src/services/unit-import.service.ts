/**
 * Importing official unit lists, and reconciling every stored list into unit
 * rows and lineage links (docs/ARCHITECTURE.md, "Units from dated lists").
 */

import { AppError, type ErrorDetail } from '../domain/errors';
import { NATION, PROVINCES_2025_SOURCE, provinceNameEn } from '../domain/reference/provinces';
import { foldVietnamese } from '../domain/text';
import { baseName } from '../domain/unit/codes';
import {
  type DesiredUnit,
  matchExistingUnits,
  reconcileSnapshots,
  resolveLineage,
} from '../domain/unit/reconcile';
import { DISTRICT_LEVEL_ENDED_ON } from '../domain/unit/unit';
import { t } from '../i18n';
import { readUnitList } from '../importers/unit-list.importer';
import type { Db } from '../repositories/db';
import { inTransaction } from '../repositories/db';
import {
  BUILTIN_PREFIX,
  deleteLineage,
  deleteLineageOf,
  deleteLists,
  deleteUnits,
  findListsAt,
  findNation,
  insertLineage,
  insertList,
  insertListEntries,
  insertListLinks,
  insertUnits,
  loadLineageBetween,
  loadLineageEntries,
  loadOfficialUnits,
  loadSnapshots,
  type NewStoredUnit,
  parkUnitStarts,
  type StoredUnit,
  updateLineage,
  updateUnits,
} from '../repositories/unit-list.repository';
import { recordAudit } from './audit';
import { requireAdmin } from './authorize';
import type { ServiceContext } from './context';

/** What a reconciliation changed. */
export interface ReconcileReport {
  units: { inserted: number; updated: number; removed: number };
  lineage: {
    added: number;
    updated: number;
    removed: number;
    /** Links whose old or new unit is in no stored list (yet). */
    pending: number;
    /** The first pending links, `old → new` by code. */
    pendingExamples: string[];
  };
}

/** The outcome of an import, as the API and the CLI report it. */
export interface UnitImportResult {
  status: 'imported' | 'unchanged';
  list: {
    id: number;
    layout: 'dvhc3' | 'dvhc2' | 'lineage';
    effectiveOn: string | null;
    fileName: string;
    format: 'csv' | 'xlsx';
    rowCount: number;
  };
  /** Lists of the same layout and date this import replaced (a corrected list). */
  replaced: number;
  counts: { provinces: number; districts: number; communes: number; links: number };
  changes: ReconcileReport;
  warnings: Array<ErrorDetail & { message: string }>;
}

const noChanges = (): ReconcileReport => ({
  units: { inserted: 0, updated: 0, removed: 0 },
  lineage: { added: 0, updated: 0, removed: 0, pending: 0, pendingExamples: [] },
});

/**
 * Imports an official unit list (CSV or XLSX; three-level, two-level or
 * lineage layout). Admins only. The same list again changes nothing; a
 * different list of the same layout and date replaces the earlier one. A bad
 * file is refused whole with every bad row (`unit_import.invalid`).
 */
export async function importUnitList(
  ctx: ServiceContext,
  input: { fileName: string; bytes: Uint8Array; validFrom?: string | null },
): Promise<UnitImportResult> {
  requireAdmin(ctx);
  const fileName = input.fileName.split(/[\\/]/).pop() || 'unit-list.csv';
  const parsed = await readUnitList(input.bytes, fileName, { validFrom: input.validFrom ?? null });
  const counts = {
    provinces: parsed.entries.filter((e) => e.kind === 'province').length,
    districts: parsed.entries.filter((e) => e.kind === 'district').length,
    communes: parsed.entries.filter((e) => e.kind === 'commune').length,
    links: parsed.links.length,
  };
  const warnings = parsed.warnings.map((w) => ({ ...w, message: t(ctx.locale, w.code, w.params) }));
  return inTransaction(ctx.db, async (trx) => {
    const sameDate = (await findListsAt(trx, parsed.layout, parsed.effectiveOn)).filter(
      (l) => !l.fileName.startsWith(BUILTIN_PREFIX),
    );
    const listInfo = {
      layout: parsed.layout,
      effectiveOn: parsed.effectiveOn,
      fileName,
      format: parsed.format,
      rowCount: parsed.rowCount,
    };
    const identical = sameDate.find((l) => l.sha256 === parsed.sha256);
    if (identical) {
      return {
        status: 'unchanged',
        list: { id: identical.id, ...listInfo },
        replaced: 0,
        counts,
        changes: noChanges(),
        warnings,
      };
    }
    await deleteLists(
      trx,
      sameDate.map((l) => l.id),
    );
    const listId = await insertList(trx, {
      layout: parsed.layout,
      effectiveOn: parsed.effectiveOn,
      fileName,
      sha256: parsed.sha256,
      rowCount: parsed.rowCount,
      importedBy: ctx.actor.kind === 'user' || ctx.actor.kind === 'token' ? ctx.actor.userId : null,
    });
    if (parsed.layout === 'lineage') await insertListLinks(trx, listId, parsed.links);
    else await insertListEntries(trx, listId, parsed.entries);
    const changes = await reconcileUnits(trx);
    await recordAudit(trx, ctx, {
      action: 'unit.import',
      entityType: 'unit_list',
      entityId: listId,
      before:
        sameDate.length > 0 ? { replaced: sameDate.map((l) => ({ id: l.id, fileName: l.fileName })) } : null,
      after: { ...listInfo, sha256: parsed.sha256, counts, changes },
    });
    return {
      status: 'imported',
      list: { id: listId, ...listInfo },
      replaced: sameDate.length,
      counts,
      changes,
      warnings,
    };
  });
}

/** The text units are found by: name, short name, code and English name, folded. */
export function unitSearchText(u: {
  name: string;
  shortName?: string | null;
  code: string;
  nameEn?: string | null;
}): string {
  return foldVietnamese([u.name, u.shortName, u.code, u.nameEn].filter(Boolean).join(' '));
}

/** The nation row, created when missing; returns its id. */
export async function ensureNation(trx: Db): Promise<number> {
  const nation = await findNation(trx);
  if (nation) return nation.id;
  const [id] = await insertUnits(trx, [
    {
      code: NATION.code,
      codeSystem: 'internal',
      kind: 'nation',
      subkind: null,
      name: NATION.name,
      nameEn: NATION.nameEn,
      shortName: null,
      parentId: null,
      validFrom: null,
      validTo: null,
      searchText: unitSearchText(NATION),
    },
  ]);
  return id as number;
}

function officialFields(d: DesiredUnit, parentId: number): NewStoredUnit {
  const shortName = baseName(d.kind, d.name);
  const nameEn = d.kind === 'province' ? provinceNameEn(d.name) : null;
  return {
    code: d.code,
    codeSystem: 'dvhc',
    kind: d.kind,
    subkind: d.subkind,
    name: d.name,
    nameEn,
    shortName: shortName === d.name ? null : shortName,
    parentId,
    validFrom: d.validFrom,
    validTo: d.validTo,
    searchText: unitSearchText({ name: d.name, shortName, code: d.code, nameEn }),
  };
}

const sameFields = (a: NewStoredUnit, b: StoredUnit) =>
  a.name === b.name &&
  a.nameEn === b.nameEn &&
  a.shortName === b.shortName &&
  a.subkind === b.subkind &&
  a.parentId === b.parentId &&
  a.validFrom === b.validFrom &&
  a.validTo === b.validTo &&
  a.searchText === b.searchText;

const KIND_ORDER = ['province', 'district', 'commune'] as const;

/**
 * Re-derives every official unit row and lineage link from all stored lists,
 * in the caller's transaction. Row ids are kept (a row whose interval moved is
 * updated, not replaced); rows no list describes any more are removed, which is
 * refused (`unit_import.unit_in_use`, 409) while other data points at them.
 */
export async function reconcileUnits(trx: Db): Promise<ReconcileReport> {
  const nationId = await ensureNation(trx);
  const desired = reconcileSnapshots(await loadSnapshots(trx), {
    districtLevelEndedOn: DISTRICT_LEVEL_ENDED_ON,
  });
  const existing = await loadOfficialUnits(trx);
  const byId = new Map(existing.map((e) => [e.id, e]));
  const { matched, unmatched } = matchExistingUnits(desired, existing);
  const report = noChanges();

  // a row's start is part of its identity: move changing starts out of the way first
  const moving = desired
    .map((d) => matched.get(d.key))
    .filter((id, i) => id !== undefined && byId.get(id)?.validFrom !== desired[i]?.validFrom) as number[];
  if (moving.length > 0) await parkUnitStarts(trx, moving);

  const idByKey = new Map<string, number>();
  for (const kind of KIND_ORDER) {
    const updates: StoredUnit[] = [];
    const inserts: Array<{ key: string; row: NewStoredUnit }> = [];
    for (const d of desired) {
      if (d.kind !== kind) continue;
      const parentId = d.parentKey === null ? nationId : idByKey.get(d.parentKey);
      if (parentId === undefined) throw new Error(`unit reconciliation: no parent row for ${d.key}`);
      const row = officialFields(d, parentId);
      const id = matched.get(d.key);
      if (id === undefined) {
        inserts.push({ key: d.key, row });
        continue;
      }
      idByKey.set(d.key, id);
      const old = byId.get(id) as StoredUnit;
      if (!sameFields(row, old)) updates.push({ id, ...row });
    }
    await updateUnits(trx, updates);
    const ids = await insertUnits(
      trx,
      inserts.map((i) => i.row),
    );
    for (const [i, ins] of inserts.entries()) idByKey.set(ins.key, ids[i] as number);
    report.units.updated += updates.length;
    report.units.inserted += inserts.length;
  }

  if (unmatched.length > 0) {
    const rank = (k: string) => -KIND_ORDER.indexOf(k as (typeof KIND_ORDER)[number]);
    const doomed = [...unmatched].sort((a, b) => rank(a.kind) - rank(b.kind)).map((u) => u.id);
    await deleteLineageOf(trx, doomed);
    try {
      await deleteUnits(trx, doomed);
    } catch (e) {
      const id = Number(/\(id\)=\((\d+)\)/.exec(String((e as { detail?: string }).detail ?? ''))?.[1]);
      const unit = byId.get(id) ?? unmatched[0];
      throw new AppError('unit_import.unit_in_use', {
        status: 409,
        params: { code: unit?.code ?? '', name: unit?.name ?? '' },
        cause: e,
      });
    }
    report.units.removed = doomed.length;
  }

  const finalUnits = desired.map((d) => ({
    id: idByKey.get(d.key) as number,
    kind: d.kind,
    code: d.code,
    name: d.name,
    validFrom: d.validFrom,
    validTo: d.validTo,
  }));
  const { links, pending } = resolveLineage(await loadLineageEntries(trx, PROVINCES_2025_SOURCE), finalUnits);
  report.lineage.pending = pending.length;
  report.lineage.pendingExamples = pending.slice(0, 10).map((p) => `${p.fromCode} → ${p.toCode}`);
  const stored = await loadLineageBetween(trx, 'dvhc');
  const key = (l: { fromUnitId: number; toUnitId: number; effectiveOn: string }) =>
    `${l.fromUnitId}>${l.toUnitId}@${l.effectiveOn}`;
  const storedByKey = new Map(stored.map((l) => [key(l), l]));
  const wanted = new Set<string>();
  const toInsert: Array<{
    fromUnitId: number;
    toUnitId: number;
    effectiveOn: string;
    kind: 'full' | 'partial' | 'rename';
    source: string;
  }> = [];
  const toUpdate: Array<{ id: number; kind: 'full' | 'partial' | 'rename'; source: string }> = [];
  for (const l of links) {
    const row = {
      fromUnitId: l.fromId,
      toUnitId: l.toId,
      effectiveOn: l.effectiveOn,
      kind: l.kind,
      source: l.source,
    };
    const k = key(row);
    wanted.add(k);
    const old = storedByKey.get(k);
    if (!old) toInsert.push(row);
    else if (old.kind !== l.kind || old.source !== l.source)
      toUpdate.push({ id: old.id, kind: l.kind, source: l.source });
  }
  const toDelete = stored.filter((l) => !wanted.has(key(l))).map((l) => l.id);
  await deleteLineage(trx, toDelete);
  await updateLineage(trx, toUpdate);
  await insertLineage(trx, toInsert);
  report.lineage.added = toInsert.length;
  report.lineage.updated = toUpdate.length;
  report.lineage.removed = toDelete.length;
  return report;
}
