/**
 * Tasks of program documents and the units that lead them or cooperate.
 */
import { sql } from 'kysely';
import type { ReviewState } from '../db/schema';
import type { Db } from './db';

export interface NewTask {
  documentId: number;
  parentId: number | null;
  sectionId: number | null;
  sectionLabel: string;
  title: string;
  text: string;
  spanStart: number;
  spanEnd: number;
  deadline: string | null;
  deadlineText: string | null;
  tags: string[];
  origin: 'reader' | 'manual';
  reviewState: ReviewState;
  reviewedBy: number | null;
  reviewedAt: Date | null;
  unresolvedLeads: string[];
  unresolvedCooperating: string[];
  carriedFromId: number | null;
}

export interface TaskUnitLink {
  unitId: number;
  role: 'lead' | 'cooperating';
  mention: string | null;
}

export interface TaskRow extends NewTask {
  id: number;
  provinceId: number | null;
  updatedAt: Date;
  units: (TaskUnitLink & { name: string; code: string })[];
}

export type TaskPatch = Partial<
  Pick<
    NewTask,
    | 'parentId'
    | 'sectionLabel'
    | 'title'
    | 'text'
    | 'deadline'
    | 'deadlineText'
    | 'tags'
    | 'reviewState'
    | 'reviewedBy'
    | 'reviewedAt'
    | 'unresolvedLeads'
    | 'unresolvedCooperating'
  >
>;

/**
 * Inserts tasks in order in one statement; a task's `parentIndex` points at
 * an earlier task of the same list. Returns the ids in order.
 */
export async function insertTasks(
  db: Db,
  rows: (Omit<NewTask, 'parentId'> & {
    parentIndex: number | null;
    parentId?: number | null;
    units: TaskUnitLink[];
  })[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('task')
    .values(
      rows.map(({ parentIndex: _p, units: _u, parentId, ...r }) => ({ ...r, parentId: parentId ?? null })),
    )
    .returning('id')
    .execute();
  const ids = inserted.map((x) => x.id);
  // parents are set afterwards: the ids of the same statement are not known before it runs
  const withParent = rows
    .map((r, i) => ({ id: ids[i]!, parentId: r.parentIndex === null ? null : (ids[r.parentIndex] ?? null) }))
    .filter((x) => x.parentId !== null);
  for (const chunk of chunks(withParent, 500)) {
    await sql`UPDATE task SET parent_id = v.parent_id
      FROM (VALUES ${sql.join(chunk.map((x) => sql`(${x.id}::bigint, ${x.parentId}::bigint)`))}) AS v(id, parent_id)
      WHERE task.id = v.id`.execute(db);
  }
  const units = rows.flatMap((r, i) => r.units.map((u) => ({ taskId: ids[i]!, ...u })));
  if (units.length) {
    await db
      .insertInto('taskUnit')
      .values(units)
      .onConflict((oc) => oc.columns(['taskId', 'unitId', 'role']).doNothing())
      .execute();
  }
  return ids;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function attachUnits(db: Db, tasks: Omit<TaskRow, 'units'>[]): Promise<TaskRow[]> {
  if (tasks.length === 0) return [];
  const links = await db
    .selectFrom('taskUnit as tu')
    .innerJoin('unit as u', 'u.id', 'tu.unitId')
    .select(['tu.taskId', 'tu.unitId', 'tu.role', 'tu.mention', 'u.name', 'u.code'])
    .where(
      'tu.taskId',
      'in',
      tasks.map((t) => t.id),
    )
    .orderBy('tu.role')
    .orderBy('u.name')
    .execute();
  const byTask = new Map<number, TaskRow['units']>();
  for (const l of links) {
    const list = byTask.get(l.taskId) ?? [];
    list.push({ unitId: l.unitId, role: l.role, mention: l.mention, name: l.name, code: l.code });
    byTask.set(l.taskId, list);
  }
  return tasks.map((t) => ({ ...t, units: byTask.get(t.id) ?? [] }));
}

function taskQuery(db: Db) {
  return db
    .selectFrom('task as t')
    .innerJoin('programDocument as d', 'd.id', 't.documentId')
    .select([
      't.id',
      't.documentId',
      't.parentId',
      't.sectionId',
      't.sectionLabel',
      't.title',
      't.text',
      't.spanStart',
      't.spanEnd',
      't.deadline',
      't.deadlineText',
      't.tags',
      't.origin',
      't.reviewState',
      't.reviewedBy',
      't.reviewedAt',
      't.unresolvedLeads',
      't.unresolvedCooperating',
      't.carriedFromId',
      't.updatedAt',
      'd.provinceId',
    ]);
}

/** Tasks of documents in text order, optionally in given review states, with their units. */
export async function listTasks(
  db: Db,
  f: { documentIds: number[]; states?: ReviewState[] },
): Promise<TaskRow[]> {
  if (f.documentIds.length === 0) return [];
  let q = taskQuery(db).where('t.documentId', 'in', f.documentIds);
  if (f.states) q = q.where('t.reviewState', 'in', f.states);
  const rows = await q.orderBy('t.documentId').orderBy('t.spanStart').orderBy('t.id').execute();
  return attachUnits(db, rows);
}

/** Tasks by id with their units, in text order. */
export async function listTasksByIds(db: Db, ids: number[]): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  const rows = await taskQuery(db)
    .where('t.id', 'in', [...new Set(ids)])
    .orderBy('t.spanStart')
    .orderBy('t.id')
    .execute();
  return attachUnits(db, rows);
}

/** One task with its units, or undefined. */
export async function findTask(db: Db, id: number): Promise<TaskRow | undefined> {
  const row = await taskQuery(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await attachUnits(db, [row]))[0];
}

/** Changes a task's fields. */
export async function updateTask(db: Db, id: number, patch: TaskPatch): Promise<void> {
  await updateTasks(db, [id], patch);
}

/** Sets the same fields on several tasks in one statement. */
export async function updateTasks(db: Db, ids: number[], patch: TaskPatch): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('task')
    .set({ ...patch, updatedAt: new Date() })
    .where('id', 'in', ids)
    .execute();
}

/** Replaces the units of tasks in one role: every listed task gets exactly its given units. */
export async function replaceTaskUnits(
  db: Db,
  role: 'lead' | 'cooperating',
  byTask: { taskId: number; units: { unitId: number; mention: string | null }[] }[],
): Promise<void> {
  if (byTask.length === 0) return;
  await db
    .deleteFrom('taskUnit')
    .where(
      'taskId',
      'in',
      byTask.map((t) => t.taskId),
    )
    .where('role', '=', role)
    .execute();
  const rows = byTask.flatMap((t) =>
    t.units.map((u) => ({ taskId: t.taskId, unitId: u.unitId, role, mention: u.mention })),
  );
  if (rows.length === 0) return;
  await db
    .insertInto('taskUnit')
    .values(rows)
    .onConflict((oc) => oc.columns(['taskId', 'unitId', 'role']).doNothing())
    .execute();
}
