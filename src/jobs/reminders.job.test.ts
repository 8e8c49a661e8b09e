import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildReportingWorld, insertOpenRound, type ReportingWorld } from '../../test/reporting-world';
import type { DatabaseHandle } from '../db/connect';
import { deliverNotificationEmails, listMyNotifications } from '../services/round-notification.service';
import { runReminderCycle } from './reminders.job';
import { buildMessage, parseSmtpUrl, sendMail } from './smtp-client';

/** A minimal SMTP server speaking the protocol, recording what it is told. */
async function smtpServer(options: { refuseRcpt?: boolean } = {}) {
  const sessions: Array<{ commands: string[]; data: string }> = [];
  const server: Server = createServer((socket) => {
    const session = { commands: [] as string[], data: '' };
    sessions.push(session);
    let inData = false;
    let buffer = '';
    socket.setEncoding('utf8');
    socket.write('220 thu.gov.vn ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          session.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        session.commands.push(line);
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') socket.write('250-thu.gov.vn\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n');
        else if (verb === 'AUTH') socket.write('235 2.7.0 ok\r\n');
        else if (verb === 'MAIL') socket.write('250 ok\r\n');
        else if (verb === 'RCPT')
          socket.write(options.refuseRcpt ? '550 5.1.1 no such mailbox\r\n' : '250 ok\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 not implemented\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  return { sessions, port, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const decodeBody = (data: string) =>
  Buffer.from(data.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');

describe('the SMTP client', () => {
  it('sends a UTF-8 message with AUTH PLAIN, encoding the Vietnamese subject and body', async () => {
    const srv = await smtpServer();
    try {
      const cfg = parseSmtpUrl(
        `smtp://nhac.han:m%E1%BA%ADt@127.0.0.1:${srv.port}?starttls=off`,
        'Nhịp Số <no-reply@cds.gov.vn>',
      );
      await sendMail(cfg, {
        to: ['xa.yenphong@thu.gov.vn'],
        subject: 'Nhắc hạn báo cáo chuyển đổi số',
        text: 'Kính gửi UBND xã Yên Phong,\n.dòng bắt đầu bằng dấu chấm',
      });
      const s = srv.sessions[0]!;
      expect(s.commands.slice(0, 2)).toEqual([
        expect.stringMatching(/^EHLO /),
        `AUTH PLAIN ${Buffer.from('\0nhac.han\0mật').toString('base64')}`,
      ]);
      expect(s.commands.slice(2)).toEqual([
        'MAIL FROM:<no-reply@cds.gov.vn>',
        'RCPT TO:<xa.yenphong@thu.gov.vn>',
        'DATA',
        'QUIT',
      ]);
      expect(s.data).toContain(
        `Subject: =?UTF-8?B?${Buffer.from('Nhắc hạn báo cáo chuyển đổi số').toString('base64')}?=`,
      );
      expect(s.data).toContain('Content-Type: text/plain; charset=UTF-8');
      expect(decodeBody(s.data)).toBe('Kính gửi UBND xã Yên Phong,\r\n.dòng bắt đầu bằng dấu chấm');
    } finally {
      await srv.close();
    }
  });

  it("reports the server's refusal", async () => {
    const srv = await smtpServer({ refuseRcpt: true });
    try {
      const cfg = parseSmtpUrl(`smtp://127.0.0.1:${srv.port}?starttls=off`, 'no-reply@cds.gov.vn');
      await expect(sendMail(cfg, { to: ['khong.co@thu.gov.vn'], subject: 'x', text: 'y' })).rejects.toThrow(
        /550 5\.1\.1/,
      );
    } finally {
      await srv.close();
    }
  });

  it('refuses to send in clear when STARTTLS is required but not offered', async () => {
    const srv = await smtpServer();
    try {
      const cfg = parseSmtpUrl(`smtp://127.0.0.1:${srv.port}?starttls=required`);
      await expect(sendMail(cfg, { to: ['a@b.vn'], subject: 'x', text: 'y' })).rejects.toThrow(/STARTTLS/);
    } finally {
      await srv.close();
    }
  });

  it('reads smtps:// as implicit TLS on 465', () => {
    expect(parseSmtpUrl('smtps://u:p@mail.gov.vn')).toMatchObject({
      host: 'mail.gov.vn',
      port: 465,
      secure: true,
      user: 'u',
      pass: 'p',
    });
    expect(buildMessage({ from: 'a@b.vn' }, { to: ['c@d.vn'], subject: 'ASCII', text: 'x' })).toContain(
      'Subject: ASCII\r\n',
    );
  });
});

describe('reminders before the deadline', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db);
    // due "before 1 December 2025": the last day on time is 30 November
    await insertOpenRound(h.db, {
      provinceId: w.p,
      periodId: '2025',
      unitIds: [w.c3, w.d],
      indicators: [{ indicatorId: w.indicator('GOV.WORKFILE_ONLINE'), unitKind: 'commune' }],
    });
    for (const [email, unitId] of [
      ['xa.c3@thu.gov.vn', w.c3],
      ['so.d@thu.gov.vn', w.d],
    ] as const) {
      const u = await h.db
        .insertInto('appUser')
        .values({ email, displayName: `Báo cáo ${email}`, unitId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await h.db.insertInto('roleAssignment').values({ userId: u.id, role: 'reporter', unitId }).execute();
    }
  });
  afterAll(() => h.close());

  it('reminds the reporters of units that have not submitted, once, in the app and by e-mail', async () => {
    const srv = await smtpServer();
    try {
      const at = new Date('2025-11-27T02:00:00Z'); // 27/11 in Vietnam: 3 days left
      const options = {
        publicUrl: 'https://cds.thu.gov.vn',
        smtp: { url: `smtp://127.0.0.1:${srv.port}?starttls=off`, from: null },
        now: () => at,
      };
      const first = await runReminderCycle(h.db, options);
      // the two new reporters and the department's reporter of the test world
      expect(first.reminders.created).toBe(3);
      expect(first.mail).toEqual({ sent: 3, failed: 0 });
      const again = await runReminderCycle(h.db, options);
      expect(again.reminders.created).toBe(0);
      expect(again.mail.sent).toBe(0);
      const body =
        srv.sessions.map((x) => decodeBody(x.data)).find((b) => b.includes('Phường Nam Định')) ?? '';
      expect(body).toContain('Nhắc hạn: còn 3 ngày để Phường Nam Định nộp báo cáo');
      expect(body).toContain('https://cds.thu.gov.vn/rounds/');
    } finally {
      await srv.close();
    }
    // the reporter sees it in the app; once overdue, one more notice, kept when there is no SMTP
    const reporter = await h.db
      .selectFrom('appUser')
      .select(['id'])
      .where('email', '=', 'xa.c3@thu.gov.vn')
      .executeTakeFirstOrThrow();
    const ctx = { ...w.as({ id: reporter.id, grants: [{ role: 'reporter', unitId: w.c3 }], name: 'x' }) };
    const late = await runReminderCycle(h.db, {
      publicUrl: 'https://cds.thu.gov.vn',
      smtp: null,
      now: () => new Date('2025-12-02T02:00:00Z'),
    });
    expect(late.reminders.created).toBe(3);
    const mine = await listMyNotifications(ctx);
    expect(mine.items.map((n) => n.kind)).toEqual(['overdue', 'reminder']);
    expect(mine.items[0]?.message).toBe(
      'Quá hạn: Phường Nam Định chưa nộp báo cáo đợt “Báo cáo chuyển đổi số năm 2025” (hạn chót 30/11/2025)',
    );
    expect(mine.items[0]?.emailSentAt).toBeNull();
  });
});

describe('e-mail copies of notifications', () => {
  let h: DatabaseHandle;
  let userId: number;
  const options = (now: Date) => ({ publicUrl: 'https://cds.thu.gov.vn', now: () => now });
  async function notify(email: string, createdAt: Date) {
    const u =
      (await h.db.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirst()) ??
      (await h.db
        .insertInto('appUser')
        .values({ email, displayName: `Người nhận ${email}` })
        .returning('id')
        .executeTakeFirstOrThrow());
    await h.db
      .insertInto('notification')
      .values({
        userId: u.id,
        kind: 'round_opened',
        messageKey: 'notify.round_opened',
        params: JSON.stringify({ round: 'Báo cáo năm 2026', unit: 'Xã Thử', due: '30/11/2026' }),
        createdAt,
      })
      .execute();
    return Number(u.id);
  }
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(() => h.close());

  it('holds no lock on the database while a mail server takes its time', async () => {
    const now = new Date('2026-11-23T02:00:00Z');
    userId = await notify('xa.thu@thu.gov.vn', now);
    const sent = await deliverNotificationEmails(
      h.db,
      async () => {
        // the person reads their notifications in the app meanwhile: this must not wait for the mail
        const read = h.db
          .updateTable('notification')
          .set({ readAt: now })
          .where('userId', '=', userId)
          .execute();
        await Promise.race([
          read,
          new Promise((_, fail) =>
            setTimeout(() => fail(new Error('the app waited for the mail server')), 5000),
          ),
        ]);
      },
      options(now),
    );
    expect(sent).toEqual({ sent: 1, failed: 0 });
  });

  it('does not mail an old backlog when mail is switched on later, nor the reserved .invalid addresses', async () => {
    const now = new Date('2026-11-23T02:00:00Z');
    await notify('cu@thu.gov.vn', new Date('2026-11-10T02:00:00Z'));
    await notify('coordinator.40@minh-hoa.nhipso.invalid', now);
    await notify('moi@thu.gov.vn', new Date('2026-11-22T02:00:00Z'));
    const to: string[] = [];
    const r = await deliverNotificationEmails(h.db, async (m) => void to.push(m.to), options(now));
    expect(to).toEqual(['moi@thu.gov.vn']);
    expect(r).toEqual({ sent: 1, failed: 0 });
  });

  it('takes again a claim its sender never finished, after the retry delay, and not before', async () => {
    const now = new Date('2026-11-23T02:00:00Z');
    await notify('lai@thu.gov.vn', now);
    // a sender claimed it, then died before reporting back
    await h.db
      .updateTable('notification')
      .set({ emailClaimedAt: now })
      .where('emailSentAt', 'is', null)
      .where('emailError', 'is', null)
      .execute();
    const soon = await deliverNotificationEmails(
      h.db,
      async () => {},
      options(new Date(now.getTime() + 60_000)),
    );
    expect(soon.sent).toBe(0);
    const later = await deliverNotificationEmails(
      h.db,
      async () => {},
      options(new Date(now.getTime() + 20 * 60_000)),
    );
    expect(later.sent).toBe(1);
  });
});
