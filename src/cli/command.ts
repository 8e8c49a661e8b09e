/**
 * A CLI command: a name path (`units import`), a usage line, and a run
 * function that gets parsed arguments and an opened service context.
 */
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
