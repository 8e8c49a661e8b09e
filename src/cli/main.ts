/**
 * `nhipso` — the operator's command line. Opens the configured database
 * (same environment variables as the server), runs one command, closes.
 */
import { parseArgs } from 'node:util';
import { systemActor } from '../domain/auth/actor';
import { bootstrap } from '../runtime/bootstrap';
import { loadConfig } from '../runtime/config';
import { openConfiguredDatabase } from '../runtime/database';
import { describeStartupError } from '../runtime/errors';
import { systemContext } from '../services/context';
import type { Command, CommandIo } from './command';
import { commands } from './commands';

const io: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function help(): string {
  return [
    'Nhịp Số — dòng lệnh / command line',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(58)} ${c.description}`),
    '',
    'Biến môi trường / environment: NHIPSO_DATA_DIR (./data), DATABASE_URL (PostgreSQL)',
  ].join('\n');
}

/** Finds the command whose name is the longest prefix of argv. */
export function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.name.length - a.name.length);
  for (const command of sorted) {
    if (command.name.every((w, i) => argv[i] === w))
      return { command, rest: argv.slice(command.name.length) };
  }
  return null;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(help());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`Lệnh không tồn tại / unknown command: ${argv.join(' ')}\n`);
    io.err(help());
    return 2;
  }
  const { command, rest } = found;
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const arg of rest) {
    const m = /^--([a-z][a-z0-9-]*)/.exec(arg);
    if (m?.[1]) options[m[1]] = { type: command.valueOptions?.includes(m[1]) ? 'string' : 'boolean' };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`${(e as Error).message}\nusage: ${command.usage}`);
    return 2;
  }
  const args = {
    positionals: parsed.positionals,
    options: parsed.values as Record<string, string | boolean>,
  };
  if (!command.needsDatabase) return command.run(args, null, io);

  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  for (const m of handle.migrated) io.err(`migrated ${m}`);
  try {
    await bootstrap(handle.db, { skip: ['accounts'] });
    const ctx = systemContext(handle.db, systemActor(`cli:${command.name.join(' ')}`));
    return await command.run(args, ctx, io);
  } finally {
    await handle.close();
  }
}

/** Entry for bin/nhipso.mjs. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    io.err(describeStartupError(e));
    process.exitCode = 1;
  }
}
