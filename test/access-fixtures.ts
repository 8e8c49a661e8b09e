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

  /** A draft reporting round of the province, asking one commune for one indicator. */
  round: async (db, unitId, world) => (await reportingFixture(db, unitId, world, 'draft')).roundId,

  /** An open reporting round of the province. */
  openRound: async (db, unitId, world) => (await reportingFixture(db, unitId, world, 'open')).roundId,

  /** A unit's place in an open round (its draft report): the round id, and the unit in the params. */
  roundUnit: async (db, unitId, world) => {
    const f = await reportingFixture(db, unitId, world, 'open', 'draft');
    return {
      id: f.roundId,
      input: { params: { unitId: f.communeId }, form: { indicatorId: String(f.indicatorId) } },
    };
  },

  /** A draft report of the unit in an open round (nothing required, so it can be submitted). */
  submission: async (db, unitId, world) =>
    (await reportingFixture(db, unitId, world, 'open', 'draft')).submissionId,

  /** A report of the unit awaiting a decision. */
  submittedSubmission: async (db, unitId, world) =>
    (await reportingFixture(db, unitId, world, 'open', 'submitted')).submissionId,

  /** An approved report of the unit. */
  approvedSubmission: async (db, unitId, world) =>
    (await reportingFixture(db, unitId, world, 'open', 'approved')).submissionId,

  /** A figure of the unit in its draft report. */
  dataValue: async (db, unitId, world) =>
    (await reportingFixture(db, unitId, world, 'open', 'draft', true)).dataValueId as number,

  /** An evidence file attached to a figure of the unit's draft report. */
  evidence: async (db, unitId, world) => {
    const f = await reportingFixture(db, unitId, world, 'open', 'draft', true);
    const r = await db
      .insertInto('evidenceFile')
      .values({
        sha256: randomBytes(32).toString('hex'),
        fileName: 'biên bản.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 9,
        content: Buffer.from('%PDF-1.4\n'),
        dataValueId: f.dataValueId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** A manual index item of the unit (the unit method's plan) with a file as evidence. */
  indexEvidence: async (db, unitId) => {
    const input = await db
      .insertInto('indexInput')
      .values({ methodCode: 'UNIT_DX', unitId, year: 2025, subIndicator: 'UNIT.LD1.1', valueBoolean: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const content = Buffer.from('%PDF-1.4\n% kế hoạch\n');
    const r = await db
      .insertInto('indexEvidence')
      .values({
        inputId: input.id,
        fileName: 'ke-hoach.pdf',
        mediaType: 'application/pdf',
        sizeBytes: content.byteLength,
        sha256: sha256(content.toString('latin1')),
        content,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },
};

/**
 * A reporting round at the unit's province asking the unit (or, for a
 * province, its commune C1/C2) for one count indicator of its own; with a
 * report in the given state and optionally one figure in it.
 */
async function reportingFixture(
  db: Db,
  unitId: number,
  world: World,
  roundState: 'draft' | 'open',
  submissionState?: 'draft' | 'submitted' | 'approved',
  withValue = false,
): Promise<{
  roundId: number;
  communeId: number;
  indicatorId: number;
  submissionId: number;
  dataValueId: number | null;
}> {
  const unit = await db
    .selectFrom('unit')
    .select(['kind', 'parentId'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const provinceId = unit.kind === 'province' ? unitId : (unit.parentId as number);
  const communeId = unit.kind === 'province' ? (unitId === world.p1 ? world.c1 : world.c2) : unitId;
  await db
    .insertInto('period')
    .values({ id: '2025', kind: 'year', startsOn: '2025-01-01', endsOn: '2025-12-31' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const code = `FX.R${randomBytes(4).toString('hex').toUpperCase()}`;
  const indicator = await db
    .insertInto('indicator')
    .values({
      code,
      nameVi: 'Chỉ tiêu mẫu',
      nameEn: 'Fixture indicator',
      pillar: 'government',
      kind: 'count',
      unitOfMeasure: 'bộ',
      aggregation: 'sum',
      direction: 'higher_better',
      unitKinds: ['commune'],
      searchText: code.toLowerCase(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const round = await db
    .insertInto('reportingRound')
    .values({
      provinceId,
      name: 'Báo cáo chuyển đổi số năm 2025 (mẫu)',
      periodId: '2025',
      windowStart: '2024-12-15',
      windowEnd: '2025-12-14',
      dueOn: '2025-12-01',
      dueBefore: true,
      state: roundState,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('roundUnit').values({ roundId: round.id, unitId: communeId }).execute();
  await db
    .insertInto('roundIndicator')
    .values({ roundId: round.id, indicatorId: indicator.id, unitKind: 'commune', required: false })
    .execute();
  let submissionId = 0;
  let dataValueId: number | null = null;
  if (submissionState) {
    const sub = await db
      .insertInto('submission')
      .values({ roundId: round.id, unitId: communeId, state: submissionState })
      .returning('id')
      .executeTakeFirstOrThrow();
    submissionId = sub.id;
    if (withValue) {
      const v = await db
        .insertInto('dataValue')
        .values({
          unitId: communeId,
          indicatorId: indicator.id,
          periodId: '2025',
          value: 3,
          submissionId,
          status: 'draft',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('dataValueRevision')
        .values({ dataValueId: v.id, revision: 1, value: 3, status: 'draft', source: 'form' })
        .execute();
      dataValueId = v.id;
    }
  }
  return { roundId: round.id, communeId, indicatorId: indicator.id, submissionId, dataValueId };
}
