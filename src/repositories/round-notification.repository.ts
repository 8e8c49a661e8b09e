/**
 * In-app notifications of reporting (reminders before a deadline, a report
 * returned or approved, a round opened) and who should get them.
 */
import { sql } from 'kysely';
import type { Db } from './db';

export type NotificationKind = 'reminder' | 'overdue' | 'returned' | 'approved' | 'reopened' | 'round_opened';

export interface NewNotification {
  userId: number;
  unitId: number | null;
  roundId: number | null;
  kind: NotificationKind;
  messageKey: string;
  params: Record<string, string | number | null>;
  link: string | null;
  /** Makes the insert idempotent: a second notification with the same key is skipped. */
  dedupeKey: string | null;
}

/** Inserts notifications, skipping those whose dedupe key exists; returns the ids inserted. */
export async function insertNotifications(
  db: Db,
  rows: readonly NewNotification[],
  at: Date,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const out = await db
    .insertInto('notification')
    .values(rows.map((r) => ({ ...r, params: JSON.stringify(r.params), createdAt: at })))
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .execute();
  return out.map((r) => r.id);
}

/** A notification as stored, with its recipient's address. */
export interface NotificationRecord {
  id: number;
  userId: number;
  email: string;
  displayName: string;
  locale: 'vi' | 'en';
  unitId: number | null;
  roundId: number | null;
  kind: NotificationKind;
  messageKey: string;
  params: Record<string, string | number | null>;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  emailSentAt: Date | null;
  emailError: string | null;
}

const selectNotifications = (db: Db) =>
  db
    .selectFrom('notification as n')
    .innerJoin('appUser as u', 'u.id', 'n.userId')
    .select([
      'n.id',
      'n.userId',
      'u.email',
      'u.displayName',
      'u.locale',
      'n.unitId',
      'n.roundId',
      'n.kind',
      'n.messageKey',
      'n.params',
      'n.link',
      'n.createdAt',
      'n.readAt',
      'n.emailSentAt',
      'n.emailError',
    ]);

/** A person's notifications, newest first. */
export async function listNotificationsOf(
  db: Db,
  userId: number,
  limit: number,
): Promise<NotificationRecord[]> {
  return (await selectNotifications(db)
    .where('n.userId', '=', userId)
    .orderBy('n.createdAt', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute()) as NotificationRecord[];
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRead(
  db: Db,
  userId: number,
  ids: readonly number[] | 'all',
  at: Date,
): Promise<number> {
  let q = db
    .updateTable('notification')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', [...ids]);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Claims the oldest notification whose e-mail copy is still to go out: not
 * sent, not failed, not claimed by a sender in the last `retryAfterMs`,
 * created since `notBefore` (a mailer switched on later does not send the old
 * backlog), to a deliverable address (not under the reserved `.invalid`
 * domain, as the demo accounts are). One short statement in its own
 * transaction; the sending happens after it.
 */
export async function claimUnsentEmail(
  db: Db,
  o: { now: Date; notBefore: Date; retryAfterMs: number },
): Promise<NotificationRecord | undefined> {
  return db.transaction().execute(async (trx) => {
    const n = (await selectNotifications(trx)
      .where('n.emailSentAt', 'is', null)
      .where('n.emailError', 'is', null)
      .where('n.createdAt', '>=', o.notBefore)
      .where((eb) =>
        eb.or([
          eb('n.emailClaimedAt', 'is', null),
          eb('n.emailClaimedAt', '<', new Date(o.now.getTime() - o.retryAfterMs)),
        ]),
      )
      .where('u.isActive', '=', true)
      .where('u.email', 'not like', '%.invalid')
      .orderBy('n.id')
      .limit(1)
      .forUpdate('n')
      .skipLocked()
      .executeTakeFirst()) as NotificationRecord | undefined;
    if (n)
      await trx.updateTable('notification').set({ emailClaimedAt: o.now }).where('id', '=', n.id).execute();
    return n;
  });
}

export async function markEmailed(db: Db, id: number, at: Date, error: string | null): Promise<void> {
  await db
    .updateTable('notification')
    .set(error ? { emailError: error.slice(0, 500) } : { emailSentAt: at })
    .where('id', '=', id)
    .execute();
}

/**
 * The people who report for each unit: active accounts holding the reporter
 * role at the unit itself (a province's coordinators are not reminded of each
 * commune's report).
 */
export async function reportersOf(db: Db, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (unitIds.length === 0) return out;
  const r = await sql<{ unitId: number; userId: number }>`
    SELECT ra.unit_id AS "unitId", ra.user_id AS "userId"
    FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
    WHERE ra.role = 'reporter' AND u.is_active AND ra.unit_id IN (${sql.join([...new Set(unitIds)])})
    ORDER BY ra.user_id`.execute(db);
  for (const row of r.rows)
    out.set(Number(row.unitId), [...(out.get(Number(row.unitId)) ?? []), Number(row.userId)]);
  return out;
}

/** The person who submitted a report, and the people who last saved its figures (told of a return). */
export async function peopleOfSubmission(db: Db, submissionId: number): Promise<number[]> {
  const r = await sql<{ userId: number }>`
    SELECT submitted_by AS "userId" FROM submission WHERE id = ${submissionId} AND submitted_by IS NOT NULL
    UNION SELECT DISTINCT updated_by FROM data_value WHERE submission_id = ${submissionId} AND updated_by IS NOT NULL`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.userId));
}
