/**
 * A CLI command: a name path (`units import`), a usage line, and a run
 * function that gets parsed arguments and an opened service context.
 */
import { isAppError } from '../domain/errors';
import { t } from '../i18n';
import type { ServiceContext } from '../services/context';

export interface CommandArgs {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

export interface Command {
  /** Words that select the command, e.g. ['units', 'import']. */
  name: string[];
  usage: string;
  description: string;
  /** Options taking a value (others are flags). */
  valueOptions?: string[];
  /** Whether the command needs the database. */
  needsDatabase?: boolean;
  /** Returns the process exit code. */
  run(args: CommandArgs, ctx: ServiceContext | null, io: CommandIo): Promise<number>;
}

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Prints an expected failure in Vietnamese and English, each detail with its
 * place (file, row, field); returns the exit code (3 when something was not
 * found, 1 otherwise). Anything else is rethrown: it is a bug.
 */
export function reportAppError(e: unknown, io: CommandIo): number {
  if (!isAppError(e)) throw e;
  io.err(t('vi', e.code, e.params));
  io.err(t('en', e.code, e.params));
  for (const d of e.details) {
    io.err(`  ${d.path}: ${t('vi', d.code, d.params)}`);
    io.err(`  ${' '.repeat(d.path.length)}  ${t('en', d.code, d.params)}`);
  }
  return e.status === 404 ? 3 : 1;
}
