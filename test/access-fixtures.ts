/**
 * Records the access-matrix test (src/http/access-matrix.test.ts) creates at
 * a given unit, one per entity kind named by a route's `scope`
 * (`{ kind: 'entity', entity: 'user', … }`, `{ kind: 'list', entity: 'user', … }`).
 *
 * A fixture gets a database (a transaction that is rolled back after the
 * call), the unit the record must belong to and the test's unit tree; it
 * inserts whatever the record needs and returns its id — or `{ id, input }`
 * when the route also needs other values (e.g. `{ params: { roundId } }`).
 * The matrix puts the id at the route's `scope.id` and merges `input` into
 * the example. Add one here when you add an entity kind; the matrix fails
 * with a message naming any kind that has no fixture.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RouteExample } from '../src/http/route';
import type { Db } from '../src/repositories/db';
import type { World } from './auth-world';

export type EntityFixture = (
  db: Db,
  unitId: number,
  world: World,
) => Promise<number | { id: number; input?: RouteExample }>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const entityFixtures: Record<string, EntityFixture> = {
  /** A person working at the unit, holding a viewer role there. */
  user: async (db, unitId) => {
    const r = await db
      .insertInto('appUser')
      .values({
        email: `fixture.${randomBytes(4).toString('hex')}@thu.gov.vn`,
        displayName: 'Người dùng mẫu',
        unitId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('roleAssignment').values({ userId: r.id, role: 'viewer', unitId }).execute();
    return r.id;
  },

  /** A live viewer token at the unit, made by a viewer of the unit. */
  apiToken: async (db, unitId) => {
    const maker = await entityFixtures.user?.(db, unitId, undefined as never);
    const token = `nhs_${randomBytes(30).toString('base64url')}`;
    const r = await db
      .insertInto('apiToken')
      .values({
        name: 'Mã mẫu',
        tokenHash: sha256(token),
        prefix: token.slice(0, 10),
        role: 'viewer',
        unitId,
        createdBy: maker as number,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** An audit entry recorded against the unit. */
  auditEntry: async (db, unitId) => {
    const { appendAuditEntry } = await import('../src/repositories/audit.repository');
    await appendAuditEntry(db, {
      at: new Date(),
      actorUserId: null,
      actorLabel: 'fixture',
      actorIp: null,
      action: 'fixture.create',
      entityType: 'fixture',
      entityId: String(unitId),
      unitId,
      before: null,
      after: { unitId },
    });
    const row = await db
      .selectFrom('auditEvent')
      .select('id')
      .where('action', '=', 'fixture.create')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** A program document of the province (its text long enough for a selection of 20 characters). */
  document: async (db, unitId) => {
    const r = await db
      .insertInto('programDocument')
      .values({
        kind: 'plan',
        title: 'Kế hoạch chuyển đổi số (mẫu)',
        body: 'Phát triển hạ tầng số: 90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
        provinceId: unitId,
        sourceFormat: 'txt',
        sha256: randomBytes(32).toString('hex'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** A proposed target of a program document of the province. */
  target: async (db, unitId, world) => {
    const documentId = (await entityFixtures.document?.(db, unitId, world)) as number;
    const r = await db
      .insertInto('target')
      .values({
        documentId,
        comparator: '=',
        value: 90,
        unit: 'percent',
        year: 2025,
        level: 'province',
        quote: '90% hồ sơ công việc tại cấp tỉnh',
        spanStart: 23,
        spanEnd: 54,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** A proposed task of a program document of the province. */
  task: async (db, unitId, world) => {
    const documentId = (await entityFixtures.document?.(db, unitId, world)) as number;
    const r = await db
      .insertInto('task')
      .values({
        documentId,
        sectionLabel: 'II.1',
        title: 'Phát triển hạ tầng số',
        text: 'Phát triển hạ tầng số',
        spanStart: 0,
        spanEnd: 21,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },
};
