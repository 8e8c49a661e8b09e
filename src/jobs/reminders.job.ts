/**
 * The reminder job of the server: every hour (and at start), creates the
 * reminders due today for open rounds and sends their e-mail copies when
 * SMTP is configured (`NHIPSO_SMTP_URL`, `NHIPSO_SMTP_FROM`). Without SMTP
 * the reminders stay in the app, and the round page says e-mail is off.
 * Several app processes may run it: reminders are idempotent and each
 * e-mail row is locked while it is sent.
 */
import type { Db } from '../repositories/db';
import { createDueReminders, deliverNotificationEmails } from '../services/round-notification.service';
import { parseSmtpUrl, sendMail } from './smtp-client';

/** The e-mail settings from the environment, or null when SMTP is not configured. */
export function smtpFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): { url: string; from: string | null } | null {
  const url = env.NHIPSO_SMTP_URL?.trim();
  return url ? { url, from: env.NHIPSO_SMTP_FROM?.trim() || null } : null;
}

/** True when reminder e-mails can go out. */
export function emailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return smtpFromEnv(env) !== null;
}

export interface ReminderJobOptions {
  publicUrl: string;
  smtp: { url: string; from: string | null } | null;
  now?: () => Date;
  log?: (line: string) => void;
}

/** One pass: reminders due now, then their e-mails. */
export async function runReminderCycle(db: Db, options: ReminderJobOptions) {
  const now = options.now ?? (() => new Date());
  const reminders = await createDueReminders(db, now());
  let mail = { sent: 0, failed: 0 };
  if (options.smtp) {
    const cfg = parseSmtpUrl(options.smtp.url, options.smtp.from);
    mail = await deliverNotificationEmails(
      db,
      (m) => sendMail(cfg, { to: [m.to], subject: m.subject, text: m.text }),
      {
        publicUrl: options.publicUrl,
        now,
      },
    );
  }
  if (options.log && (reminders.created || mail.sent || mail.failed)) {
    options.log(
      `Nhắc hạn báo cáo / reminders: ${reminders.created} mới / new, e-mail ${mail.sent} gửi / sent, ${mail.failed} lỗi / failed`,
    );
  }
  return { reminders, mail };
}

/** Starts the hourly job; returns a function that stops it. */
export function startReminderJob(db: Db, options: ReminderJobOptions & { intervalMs?: number }): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runReminderCycle(db, options);
    } catch (e) {
      options.log?.(
        `Nhắc hạn báo cáo lỗi / reminder job failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
