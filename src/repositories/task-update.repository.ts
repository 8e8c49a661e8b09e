/**
 * Progress of tasks by their lead units, one row per task, unit and period.
 */
import type { Db } from './db';

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';

export interface TaskUpdateRecord {
  id: number;
  taskId: number;
  unitId: number;
  periodId: string;
  submissionId: number | null;
  status: TaskStatus;
  percent: number | null;
  note: string | null;
  revision: number;
  updatedBy: number | null;
  updatedAt: Date;
}

const columns = [
  'id',
  'taskId',
  'unitId',
  'periodId',
  'submissionId',
  'status',
  'percent',
  'note',
  'revision',
  'updatedBy',
  'updatedAt',
] as const;

/** A unit's updates for a period (optionally some tasks), locked when asked, by task id. */
export async function findTaskUpdates(
  db: Db,
  f: { unitIds: readonly number[]; periodId: string; taskIds?: readonly number[] },
  lock = false,
): Promise<TaskUpdateRecord[]> {
  if (f.unitIds.length === 0) return [];
  let q = db
    .selectFrom('taskUpdate')
    .select(columns)
    .where('unitId', 'in', [...f.unitIds])
    .where('periodId', '=', f.periodId);
  if (f.taskIds) {
    if (f.taskIds.length === 0) return [];
    q = q.where('taskId', 'in', [...f.taskIds]);
  }
  q = q.orderBy('unitId').orderBy('taskId');
  if (lock) q = q.forUpdate();
  return (await q.execute()) as TaskUpdateRecord[];
}

export async function insertTaskUpdate(
  db: Db,
  row: Omit<TaskUpdateRecord, 'id' | 'revision' | 'updatedAt'>,
  at: Date,
): Promise<TaskUpdateRecord> {
  return (await db
    .insertInto('taskUpdate')
    .values({ ...row, revision: 1, updatedAt: at })
    .returning(columns)
    .executeTakeFirstOrThrow()) as TaskUpdateRecord;
}

export async function updateTaskUpdate(
  db: Db,
  id: number,
  patch: Pick<TaskUpdateRecord, 'status' | 'percent' | 'note' | 'submissionId' | 'updatedBy'>,
  at: Date,
): Promise<TaskUpdateRecord> {
  return (await db
    .updateTable('taskUpdate')
    .set((eb) => ({ ...patch, revision: eb('revision', '+', 1), updatedAt: at }))
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow()) as TaskUpdateRecord;
}

/** Updates of a submission (for counts and the form). */
export async function taskUpdatesOfSubmission(db: Db, submissionId: number): Promise<TaskUpdateRecord[]> {
  return (await db
    .selectFrom('taskUpdate')
    .select(columns)
    .where('submissionId', '=', submissionId)
    .orderBy('taskId')
    .execute()) as TaskUpdateRecord[];
}
