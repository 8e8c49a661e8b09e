/**
 * Evidence files attached to a figure or a task update (stored in the
 * database, so a backup of the database is a backup of the evidence).
 */
import type { Db } from './db';

export interface EvidenceRecord {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedBy: string | null;
  dataValueId: number | null;
  taskUpdateId: number | null;
}

/** Evidence of the given values and task updates (without content), grouped. */
export async function listEvidence(
  db: Db,
  f: { dataValueIds: readonly number[]; taskUpdateIds: readonly number[] },
): Promise<{ byValue: Map<number, EvidenceView[]>; byTask: Map<number, EvidenceView[]> }> {
  const byValue = new Map<number, EvidenceView[]>();
  const byTask = new Map<number, EvidenceView[]>();
  if (f.dataValueIds.length === 0 && f.taskUpdateIds.length === 0) return { byValue, byTask };
  const rows = await db
    .selectFrom('evidenceFile as e')
    .leftJoin('appUser as u', 'u.id', 'e.uploadedBy')
    .select([
      'e.id',
      'e.fileName',
      'e.mediaType',
      'e.sizeBytes',
      'e.uploadedAt',
      'u.displayName as uploadedBy',
      'e.dataValueId',
      'e.taskUpdateId',
    ])
    .where((eb) =>
      eb.or([
        eb('e.dataValueId', 'in', f.dataValueIds.length ? [...f.dataValueIds] : [0]),
        eb('e.taskUpdateId', 'in', f.taskUpdateIds.length ? [...f.taskUpdateIds] : [0]),
      ]),
    )
    .orderBy('e.id')
    .execute();
  for (const r of rows) {
    if (r.dataValueId) byValue.set(r.dataValueId, [...(byValue.get(r.dataValueId) ?? []), view(r)]);
    if (r.taskUpdateId) byTask.set(r.taskUpdateId, [...(byTask.get(r.taskUpdateId) ?? []), view(r)]);
  }
  return { byValue, byTask };
}

/** A file as a form lists it. */
export interface EvidenceView {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
  uploadedBy: string | null;
}

function view(r: EvidenceRecord): EvidenceView {
  return {
    id: r.id,
    fileName: r.fileName,
    mediaType: r.mediaType,
    sizeBytes: r.sizeBytes,
    uploadedAt: new Date(r.uploadedAt).toISOString(),
    uploadedBy: r.uploadedBy,
  };
}

/** Stores a file; returns its id. */
export async function insertEvidence(
  db: Db,
  e: {
    sha256: string;
    fileName: string;
    mediaType: string;
    content: Uint8Array;
    dataValueId: number | null;
    taskUpdateId: number | null;
    uploadedBy: number | null;
  },
  at: Date,
): Promise<number> {
  const r = await db
    .insertInto('evidenceFile')
    .values({
      sha256: e.sha256,
      fileName: e.fileName,
      mediaType: e.mediaType,
      sizeBytes: e.content.byteLength,
      content: Buffer.from(e.content),
      dataValueId: e.dataValueId,
      taskUpdateId: e.taskUpdateId,
      uploadedBy: e.uploadedBy,
      uploadedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A file with what it is attached to (the unit and the report it belongs to). */
export interface EvidenceOwner {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  unitId: number;
  submissionId: number | null;
}

export async function findEvidenceOwner(db: Db, id: number): Promise<EvidenceOwner | undefined> {
  return db
    .selectFrom('evidenceFile as e')
    .leftJoin('dataValue as d', 'd.id', 'e.dataValueId')
    .leftJoin('taskUpdate as t', 't.id', 'e.taskUpdateId')
    .select((eb) => [
      'e.id',
      'e.fileName',
      'e.mediaType',
      'e.sizeBytes',
      eb.fn.coalesce('d.unitId', 't.unitId').$notNull().as('unitId'),
      eb.fn.coalesce('d.submissionId', 't.submissionId').as('submissionId'),
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function readEvidenceContent(db: Db, id: number): Promise<Buffer | undefined> {
  const r = await db.selectFrom('evidenceFile').select('content').where('id', '=', id).executeTakeFirst();
  return r?.content;
}

export async function deleteEvidence(db: Db, id: number): Promise<void> {
  await db.deleteFrom('evidenceFile').where('id', '=', id).execute();
}
