/**
 * The units the product ships (the nation, the 63 and 34 provinces with the
 * 2025 merges, the departments of the seed provinces and their successors),
 * made present in the database at start-up. Fast when already present: one
 * read of a fingerprint of the shipped data.
 */
import { createHash } from 'node:crypto';
import { DEPARTMENT_LINEAGE, DEPARTMENTS, type DepartmentFact } from '../domain/reference/departments';
import {
  NATION,
  PROVINCE_MERGES_2025,
  PROVINCES_34,
  PROVINCES_63,
  PROVINCES_2025_EFFECTIVE_ON,
} from '../domain/reference/provinces';
import { subkindFromName } from '../domain/unit/codes';
import type { SnapshotEntry } from '../domain/unit/reconcile';
import { addDays, isValidAt } from '../domain/unit/unit';
import type { Db } from '../repositories/db';
import { inTransaction } from '../repositories/db';
import {
  BUILTIN_PREFIX,
  deleteLineage,
  deleteLists,
  findListsAt,
  getSetting,
  insertLineage,
  insertList,
  insertListEntries,
  insertListLinks,
  insertUnits,
  loadInternalUnits,
  loadLineageBetween,
  loadOfficialUnits,
  type NewStoredUnit,
  putSetting,
  type StoredListLink,
  type StoredUnit,
  updateLineage,
  updateUnits,
} from '../repositories/unit-list.repository';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { reconcileUnits, unitSearchText } from './unit-import.service';

const SETTING_KEY = 'units.reference';
// bump when the way shipped data is written to the database changes
const WRITER_VERSION = 1;

/** A fingerprint of everything shipped: when it matches the stored one, nothing needs doing. */
export function referenceFingerprint(): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        WRITER_VERSION,
        NATION,
        PROVINCES_63,
        PROVINCES_34,
        PROVINCE_MERGES_2025,
        DEPARTMENTS,
        DEPARTMENT_LINEAGE,
      }),
    )
    .digest('hex');
}

const provinceEntries = (list: typeof PROVINCES_63): SnapshotEntry[] =>
  list.map((p) => ({
    kind: 'province',
    code: p.code,
    name: p.name,
    subkind: subkindFromName('province', p.name),
    parentCode: null,
  }));

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Stores a shipped list unless the same content is already stored; replaces an older shipped version. */
async function syncBuiltinList(
  trx: Db,
  list: { layout: 'builtin-provinces' | 'lineage'; effectiveOn: string | null; fileName: string },
  content: { entries?: SnapshotEntry[]; links?: StoredListLink[] },
): Promise<boolean> {
  const hash = sha(content);
  const stored = (await findListsAt(trx, list.layout, list.effectiveOn)).filter((l) =>
    l.fileName.startsWith(BUILTIN_PREFIX),
  );
  if (stored.length === 1 && stored[0]?.sha256 === hash && stored[0].fileName === list.fileName) return false;
  await deleteLists(
    trx,
    stored.map((l) => l.id),
  );
  const rowCount = content.entries?.length ?? content.links?.length ?? 0;
  const id = await insertList(trx, { ...list, sha256: hash, rowCount, importedBy: null });
  if (content.entries) await insertListEntries(trx, id, content.entries);
  if (content.links) await insertListLinks(trx, id, content.links);
  return true;
}

/** The province a shipped body belongs to: the province row in force during the body's life. */
function provinceFor(fact: DepartmentFact, provinces: StoredUnit[], today: string): StoredUnit | undefined {
  const at = fact.validFrom ?? (fact.validTo ? addDays(fact.validTo, -1) : today);
  return provinces.find((p) => p.code === fact.provinceCode && isValidAt(p, at));
}

/** Writes the shipped departments and their lineage; returns how many bodies were written. */
async function syncDepartments(
  trx: Db,
  today: string,
): Promise<{ inserted: number; updated: number; links: number }> {
  const provinces = (await loadOfficialUnits(trx)).filter((u) => u.kind === 'province');
  const existing = await loadInternalUnits(
    trx,
    DEPARTMENTS.map((d) => d.code),
  );
  const idByCode = new Map<string, number>();
  const updates: StoredUnit[] = [];
  const inserts: Array<{ code: string; row: NewStoredUnit }> = [];
  for (const fact of DEPARTMENTS) {
    const province = provinceFor(fact, provinces, today);
    if (!province) throw new Error(`shipped body ${fact.code} has no province ${fact.provinceCode} in force`);
    const row: NewStoredUnit = {
      code: fact.code,
      codeSystem: 'internal',
      kind: fact.kind,
      subkind: null,
      name: fact.name,
      nameEn: fact.nameEn,
      shortName: fact.shortName,
      parentId: province.id,
      validFrom: fact.validFrom,
      validTo: fact.validTo,
      searchText: unitSearchText({ ...fact, code: fact.code }),
    };
    const sameCode = existing.filter((e) => e.code === fact.code);
    const old =
      sameCode.find((e) => e.validFrom === fact.validFrom) ??
      (sameCode.length === 1 ? sameCode[0] : undefined);
    if (!old) {
      inserts.push({ code: fact.code, row });
      continue;
    }
    idByCode.set(fact.code, old.id);
    const changed = (Object.keys(row) as Array<keyof NewStoredUnit>).some((k) => row[k] !== old[k]);
    if (changed) updates.push({ id: old.id, ...row });
  }
  await updateUnits(trx, updates);
  const ids = await insertUnits(
    trx,
    inserts.map((i) => i.row),
  );
  for (const [i, ins] of inserts.entries()) idByCode.set(ins.code, ids[i] as number);

  const stored = (await loadLineageBetween(trx, 'internal')).filter((l) =>
    [...idByCode.values()].includes(l.fromUnitId),
  );
  const key = (from: number, to: number, on: string) => `${from}>${to}@${on}`;
  const storedByKey = new Map(stored.map((l) => [key(l.fromUnitId, l.toUnitId, l.effectiveOn), l]));
  const wanted = new Set<string>();
  const toInsert = [];
  const toUpdate = [];
  for (const l of DEPARTMENT_LINEAGE) {
    const from = idByCode.get(l.from);
    const to = idByCode.get(l.to);
    if (from === undefined || to === undefined) continue;
    const k = key(from, to, l.effectiveOn);
    wanted.add(k);
    const old = storedByKey.get(k);
    if (!old)
      toInsert.push({
        fromUnitId: from,
        toUnitId: to,
        effectiveOn: l.effectiveOn,
        kind: l.kind,
        source: l.source,
      });
    else if (old.kind !== l.kind || old.source !== l.source)
      toUpdate.push({ id: old.id, kind: l.kind, source: l.source });
  }
  await deleteLineage(
    trx,
    stored.filter((l) => !wanted.has(key(l.fromUnitId, l.toUnitId, l.effectiveOn))).map((l) => l.id),
  );
  await updateLineage(trx, toUpdate);
  await insertLineage(trx, toInsert);
  return { inserted: inserts.length, updated: updates.length, links: wanted.size };
}

/**
 * Makes the shipped units present: the nation, the province lists of before
 * and after 1 July 2025 as snapshots with their lineage, and the departments.
 * Idempotent; skips at once when the shipped data is already in the database.
 * Returns a line for the start-up log when it wrote something.
 */
export async function ensureReferenceUnits(ctx: ServiceContext): Promise<string | undefined> {
  const fingerprint = referenceFingerprint();
  if ((await getSetting(ctx.db, SETTING_KEY)) === fingerprint) return undefined;
  const today = ctx.now().toISOString().slice(0, 10);
  return inTransaction(ctx.db, async (trx) => {
    const listsChanged = [
      await syncBuiltinList(
        trx,
        { layout: 'builtin-provinces', effectiveOn: null, fileName: `${BUILTIN_PREFIX}63-tinh-thanh` },
        { entries: provinceEntries(PROVINCES_63) },
      ),
      await syncBuiltinList(
        trx,
        {
          layout: 'builtin-provinces',
          effectiveOn: PROVINCES_2025_EFFECTIVE_ON,
          fileName: `${BUILTIN_PREFIX}34-tinh-thanh`,
        },
        { entries: provinceEntries(PROVINCES_34) },
      ),
      await syncBuiltinList(
        trx,
        {
          layout: 'lineage',
          effectiveOn: PROVINCES_2025_EFFECTIVE_ON,
          fileName: `${BUILTIN_PREFIX}sap-xep-tinh-2025`,
        },
        {
          links: PROVINCE_MERGES_2025.map((m, i) => ({
            rowNumber: i + 1,
            fromKind: 'province',
            fromCode: m.from,
            fromName: PROVINCES_63.find((p) => p.code === m.from)?.name ?? m.from,
            toKind: 'province',
            toCode: m.to,
            toName: PROVINCES_34.find((p) => p.code === m.to)?.name ?? m.to,
            kind: 'full',
          })),
        },
      ),
    ].some(Boolean);
    const units = listsChanged ? await reconcileUnits(trx) : null;
    const departments = await syncDepartments(trx, today);
    await putSetting(trx, SETTING_KEY, fingerprint);
    await recordAudit(trx, ctx, {
      action: 'unit.reference_sync',
      entityType: 'unit',
      after: { fingerprint, units, departments },
    });
    return (
      `Đơn vị: ${PROVINCES_63.length} và ${PROVINCES_34.length} tỉnh, thành phố; ${DEPARTMENTS.length} sở, ban, ngành / ` +
      `units: ${PROVINCES_63.length} and ${PROVINCES_34.length} provinces, ${DEPARTMENTS.length} provincial bodies`
    );
  });
}
