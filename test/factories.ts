/**
 * Test data builders: `buildX(overrides)` returns a plain row, `createX(db,
 * overrides)` inserts one and returns it with its id. Areas add theirs here.
 * @example const nghean = await createUnit(db, { kind: 'province', code: '40', name: 'Tỉnh Nghệ An' });
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Insertable } from 'kysely';
import type { UnitTable } from '../src/db/schema';
import { foldVietnamese } from '../src/domain/text';
import type { Db } from '../src/repositories/db';

/** The shared unit lists (../shared/data/units, or NHIPSO_UNITS_DIR). Read in place, never copied. */
export const unitListsDir = resolve(
  process.env.NHIPSO_UNITS_DIR ?? resolve(import.meta.dirname, '../../shared/data/units'),
);

/** The bytes of one of the shared unit lists, e.g. `dvhc-2025.csv`. */
export function readUnitListFixture(file: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(resolve(unitListsDir, file)));
}

let seq = 0;

/** A unit row to insert; a commune with a fresh code unless told otherwise. */
export function buildUnit(overrides: Partial<Insertable<UnitTable>> = {}): Insertable<UnitTable> {
  seq++;
  const name = overrides.name ?? `Xã Thử Nghiệm ${seq}`;
  const code = overrides.code ?? String(90000 + seq);
  return {
    code,
    codeSystem: 'dvhc',
    kind: 'commune',
    subkind: null,
    nameEn: null,
    shortName: null,
    parentId: null,
    validFrom: null,
    validTo: null,
    ...overrides,
    name,
    searchText: overrides.searchText ?? foldVietnamese(`${name} ${code}`),
  };
}

/** Inserts a unit; the nation is found or created as the parent when none is given (non-nation kinds). */
export async function createUnit(
  db: Db,
  overrides: Partial<Insertable<UnitTable>> = {},
): Promise<Insertable<UnitTable> & { id: number }> {
  const row = buildUnit(overrides);
  if (row.kind !== 'nation' && (row.parentId === null || row.parentId === undefined)) {
    const nation = await db.selectFrom('unit').select('id').where('kind', '=', 'nation').executeTakeFirst();
    row.parentId = nation
      ? nation.id
      : (
          await db
            .insertInto('unit')
            .values(buildUnit({ kind: 'nation', code: 'VN', name: 'Việt Nam', codeSystem: 'internal' }))
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
  }
  const r = await db.insertInto('unit').values(row).returning('id').executeTakeFirstOrThrow();
  return { ...row, id: Number(r.id) };
}
