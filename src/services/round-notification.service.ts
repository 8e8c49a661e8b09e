/**
 * Notifications of reporting: each person's list in the app, reminders
 * before a round's deadline for units that have not submitted (the nearest
 * reminder day that has come, then one "overdue" notice — each once per
 * round, unit and person), and the e-mail copies the reminder job sends.
 */
import type { NotificationList } from '../contracts/round';
import { dueReminder, lastDayOnTime, vietnamDate } from '../domain/submission/deadline';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import type { Db } from '../repositories/db';
import { inTransaction } from '../repositories/db';
import { findRound, listRoundUnits, openRoundIds } from '../repositories/round.repository';
import {
  claimUnsentEmail,
  countUnread,
  insertNotifications,
  listNotificationsOf,
  markEmailed,
  markRead,
  reportersOf,
} from '../repositories/round-notification.repository';
import { requirePerson } from './authorize';
import type { ServiceContext } from './context';

/** The caller's notifications, newest first, in their language. */
export async function listMyNotifications(ctx: ServiceContext, limit = 50): Promise<NotificationList> {
  const userId = requirePerson(ctx);
  const rows = await listNotificationsOf(ctx.db, userId, Math.min(Math.max(limit, 1), 200));
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      message: t(ctx.locale, n.messageKey, n.params),
      link: n.link,
      unitId: n.unitId,
      roundId: n.roundId,
      createdAt: new Date(n.createdAt).toISOString(),
      readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
      emailSentAt: n.emailSentAt ? new Date(n.emailSentAt).toISOString() : null,
    })),
    unread: await countUnread(ctx.db, userId),
  };
}

/** Marks some (or all) of the caller's notifications read. */
export async function markMyNotificationsRead(
  ctx: ServiceContext,
  ids: number[] | 'all',
): Promise<{ marked: number }> {
  const userId = requirePerson(ctx);
  return { marked: await markRead(ctx.db, userId, ids, ctx.now()) };
}

/**
 * Creates the reminders due today (Vietnam's date) for every open round:
 * the reporters of each unit that has not submitted (a draft, or returned).
 * Idempotent: running it again the same day creates nothing.
 */
export async function createDueReminders(db: Db, now: Date): Promise<{ rounds: number; created: number }> {
  const today = vietnamDate(now);
  let created = 0;
  const ids = await openRoundIds(db);
  for (const roundId of ids) {
    const round = await findRound(db, roundId);
    if (!round) continue;
    const last = lastDayOnTime(round.dueOn, round.dueBefore);
    const due = dueReminder(round.reminderDays, last, today);
    if (due === null) continue;
    const owing = (await listRoundUnits(db, roundId)).filter(
      (u) => u.state === 'draft' || u.state === 'returned',
    );
    const reporters = await reportersOf(
      db,
      owing.map((u) => u.unitId),
    );
    const daysLeft = Math.round((Date.parse(last) - Date.parse(today)) / 86_400_000);
    const rows = owing.flatMap((u) =>
      (reporters.get(u.unitId) ?? []).map((userId) => ({
        userId,
        unitId: u.unitId,
        roundId,
        kind: due === 'overdue' ? ('overdue' as const) : ('reminder' as const),
        messageKey: due === 'overdue' ? 'notify.overdue' : 'notify.reminder',
        params: { round: round.name, unit: u.name, days: daysLeft, due: formatDate(last) },
        link: `/rounds/${roundId}/units/${u.unitId}`,
        dedupeKey: `${due === 'overdue' ? 'overdue' : `reminder-${due}`}:${roundId}:${u.unitId}:${userId}`,
      })),
    );
    created += (await inTransaction(db, (trx) => insertNotifications(trx, rows, now))).length;
  }
  return { rounds: ids.length, created };
}

/** What the mailer is given for one notification. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** How long after a notification its e-mail copy may still go out. */
export const EMAIL_FRESH_FOR_MS = 3 * 24 * 3600_000;
/** After this, a claim by a sender that never reported back is taken again. */
export const EMAIL_RETRY_AFTER_MS = 15 * 60_000;

/**
 * Sends the e-mail copies not yet sent, one at a time: each is claimed in a
 * short transaction, sent with no database connection held (the embedded
 * database has one, and a slow mail server must not stall the app), then
 * marked sent or failed; a failure is kept on the row and not retried. Only
 * notifications of the last three days are mailed. Returns how many went out.
 */
export async function deliverNotificationEmails(
  db: Db,
  send: (mail: OutgoingMail) => Promise<void>,
  options: { publicUrl: string; now: () => Date; limit?: number },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < (options.limit ?? 200); i++) {
    const now = options.now();
    const n = await claimUnsentEmail(db, {
      now,
      notBefore: new Date(now.getTime() - EMAIL_FRESH_FOR_MS),
      retryAfterMs: EMAIL_RETRY_AFTER_MS,
    });
    if (!n) break;
    const message = t(n.locale, n.messageKey, n.params);
    const link = n.link ? `${options.publicUrl.replace(/\/+$/, '')}${n.link}` : null;
    const text = [
      n.locale === 'en' ? `Dear ${n.displayName},` : `Kính gửi ${n.displayName},`,
      '',
      message,
      ...(link ? ['', n.locale === 'en' ? `Open the report: ${link}` : `Mở báo cáo: ${link}`] : []),
      '',
      '—',
      n.locale === 'en'
        ? 'Nhịp Số — the province’s digital-transformation reporting system. This is an automatic message.'
        : 'Nhịp Số — hệ thống báo cáo chuyển đổi số của tỉnh. Thư gửi tự động, vui lòng không trả lời.',
    ].join('\n');
    try {
      await send({ to: n.email, subject: `Nhịp Số: ${message}`.slice(0, 180), text });
      await markEmailed(db, n.id, options.now(), null);
      sent++;
    } catch (e) {
      await markEmailed(db, n.id, options.now(), e instanceof Error ? e.message : String(e));
      failed++;
    }
  }
  return { sent, failed };
}
