/**
 * A small SMTP client over node:net / node:tls for reminder e-mails: EHLO,
 * STARTTLS when offered (or implicit TLS with `smtps://`), AUTH PLAIN or
 * LOGIN, MAIL FROM / RCPT TO / DATA with a UTF-8 text message, QUIT.
 *
 * Configured by one URL, e.g. `smtp://user:secret@mail.ninhbinh.gov.vn:587`
 * or `smtps://user:secret@smtp.example.org:465`; `?starttls=required` refuses
 * to send in clear, `?starttls=off` never upgrades (a local relay).
 *
 * @example
 * const cfg = parseSmtpUrl('smtp://relay.local:25?starttls=off', 'Nhịp Số <no-reply@cds.gov.vn>');
 * await sendMail(cfg, { to: ['xa.yenphong@ninhbinh.gov.vn'], subject: 'Nhắc hạn báo cáo', text: '…' });
 */
import { randomBytes } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { type TLSSocket, connect as tlsConnect } from 'node:tls';

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (smtps, port 465). */
  secure: boolean;
  /** Upgrade a plain connection with STARTTLS: when offered, always, or never. */
  starttls: 'opportunistic' | 'required' | 'off';
  user: string | null;
  pass: string | null;
  /** The From header, e.g. `Nhịp Số <no-reply@cds.gov.vn>`. */
  from: string;
  /** Accept a self-signed certificate (a relay inside the province's network). */
  allowUnauthorized: boolean;
  timeoutMs: number;
}

/** Reads `smtp://` or `smtps://` URLs. */
export function parseSmtpUrl(url: string, from?: string | null): SmtpConfig {
  const u = new URL(url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error(`not an smtp:// or smtps:// URL: ${u.protocol}`);
  const secure = u.protocol === 'smtps:';
  const st = u.searchParams.get('starttls');
  const address = from ?? u.searchParams.get('from') ?? `Nhịp Số <no-reply@${u.hostname}>`;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    starttls: st === 'required' || st === 'off' ? st : 'opportunistic',
    user: u.username ? decodeURIComponent(u.username) : null,
    pass: u.password ? decodeURIComponent(u.password) : null,
    from: address,
    allowUnauthorized: u.searchParams.get('tls') === 'insecure',
    timeoutMs: Number(u.searchParams.get('timeout') ?? 20_000),
  };
}

/** The address part of `Name <addr>` (or the whole string). */
function addressOf(s: string): string {
  return /<([^>]+)>/.exec(s)?.[1]?.trim() ?? s.trim();
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A header value in UTF-8 (RFC 2047) when it is not plain ASCII. */
function encodeWord(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${b64(s)}?=`;
}

function encodeAddress(s: string): string {
  const m = /^(.*)<([^>]+)>\s*$/.exec(s);
  if (!m) return s.trim();
  const name = (m[1] ?? '').trim().replace(/^"|"$/g, '');
  return name ? `${encodeWord(name)} <${(m[2] ?? '').trim()}>` : `<${(m[2] ?? '').trim()}>`;
}

/** The message as sent after DATA: headers, a base64 UTF-8 body, lines wrapped at 76. */
export function buildMessage(
  cfg: Pick<SmtpConfig, 'from'>,
  msg: { to: readonly string[]; subject: string; text: string },
  date = new Date(),
): string {
  const domain = addressOf(cfg.from).split('@')[1] ?? 'localhost';
  const body = b64(msg.text.replace(/\r?\n/g, '\r\n')).replace(/.{1,76}/g, (l) => `${l}\r\n`);
  return [
    `From: ${encodeAddress(cfg.from)}`,
    `To: ${msg.to.map(encodeAddress).join(', ')}`,
    `Subject: ${encodeWord(msg.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

class Conversation {
  private buffer = '';
  private waiting: Array<(line: { code: number; lines: string[] } | Error) => void> = [];
  private pending: string[] = [];
  constructor(
    public socket: Socket | TLSSocket,
    private timeoutMs: number,
  ) {
    this.attach(socket);
  }

  attach(socket: Socket | TLSSocket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
  }

  private fail(e: Error) {
    for (const w of this.waiting.splice(0)) w(e);
  }

  private onData(chunk: string) {
    this.buffer += chunk;
    let i = this.buffer.indexOf('\n');
    while (i >= 0) {
      const line = this.buffer.slice(0, i).replace(/\r$/, '');
      this.buffer = this.buffer.slice(i + 1);
      this.pending.push(line);
      // a reply ends with a line "NNN text" (continuations are "NNN-text")
      if (/^\d{3}(?: |$)/.test(line)) {
        const lines = this.pending.splice(0);
        const w = this.waiting.shift();
        w?.({ code: Number(line.slice(0, 3)), lines: lines.map((l) => l.slice(4)) });
      }
      i = this.buffer.indexOf('\n');
    }
  }

  read(): Promise<{ code: number; lines: string[] }> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('SMTP server did not answer in time')), this.timeoutMs);
      this.waiting.push((r) => {
        clearTimeout(timer);
        if (r instanceof Error) fail(r);
        else ok(r);
      });
    });
  }

  async command(line: string | null, expect: readonly number[]): Promise<{ code: number; lines: string[] }> {
    const reply = this.read();
    if (line !== null) this.socket.write(`${line}\r\n`);
    const r = await reply;
    if (!expect.includes(r.code)) {
      const shown = line?.startsWith('AUTH') ? 'AUTH …' : line;
      throw new Error(`SMTP ${shown ?? 'greeting'}: ${r.code} ${r.lines.join(' ')}`);
    }
    return r;
  }
}

function open(cfg: SmtpConfig): Promise<Socket | TLSSocket> {
  return new Promise((ok, fail) => {
    const s = cfg.secure
      ? tlsConnect({
          host: cfg.host,
          port: cfg.port,
          servername: cfg.host,
          rejectUnauthorized: !cfg.allowUnauthorized,
        })
      : netConnect({ host: cfg.host, port: cfg.port });
    const timer = setTimeout(() => {
      s.destroy();
      fail(new Error(`cannot reach ${cfg.host}:${cfg.port}`));
    }, cfg.timeoutMs);
    s.once(cfg.secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      ok(s);
    });
    s.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
  });
}

/** Sends one message; throws with the server's answer when it refuses. */
export async function sendMail(
  cfg: SmtpConfig,
  msg: { to: readonly string[]; subject: string; text: string },
): Promise<void> {
  const socket = await open(cfg);
  const c = new Conversation(socket, cfg.timeoutMs);
  const helo = hostname() || 'nhipso.local';
  try {
    await c.command(null, [220]);
    let ehlo = await c.command(`EHLO ${helo}`, [250]);
    const offers = (word: string) => ehlo.lines.some((l) => l.toUpperCase().startsWith(word));
    if (!cfg.secure && cfg.starttls !== 'off') {
      if (offers('STARTTLS')) {
        await c.command('STARTTLS', [220]);
        const upgraded = await new Promise<TLSSocket>((ok, fail) => {
          socket.removeAllListeners('data');
          socket.removeAllListeners('close');
          socket.removeAllListeners('error');
          const t = tlsConnect(
            { socket, servername: cfg.host, rejectUnauthorized: !cfg.allowUnauthorized },
            () => ok(t),
          );
          t.once('error', fail);
        });
        c.attach(upgraded);
        ehlo = await c.command(`EHLO ${helo}`, [250]);
      } else if (cfg.starttls === 'required') {
        throw new Error(`SMTP server ${cfg.host} does not offer STARTTLS`);
      }
    }
    if (cfg.user) {
      const auth = ehlo.lines.find((l) => l.toUpperCase().startsWith('AUTH')) ?? '';
      if (/\bPLAIN\b/i.test(auth) || !/\bLOGIN\b/i.test(auth)) {
        await c.command(`AUTH PLAIN ${b64(`\0${cfg.user}\0${cfg.pass ?? ''}`)}`, [235]);
      } else {
        await c.command('AUTH LOGIN', [334]);
        await c.command(b64(cfg.user), [334]);
        await c.command(b64(cfg.pass ?? ''), [235]);
      }
    }
    await c.command(`MAIL FROM:<${addressOf(cfg.from)}>`, [250]);
    for (const to of msg.to) await c.command(`RCPT TO:<${addressOf(to)}>`, [250, 251]);
    await c.command('DATA', [354]);
    // dot-stuffing: a line starting with "." gets another one
    const data = buildMessage(cfg, msg).replace(/\r\n\./g, '\r\n..');
    await c.command(`${data}\r\n.`, [250]);
    await c.command('QUIT', [221]).catch(() => undefined);
  } finally {
    c.socket.destroy();
  }
}
