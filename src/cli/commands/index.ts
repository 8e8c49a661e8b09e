/** Every command of `nhipso`; areas add theirs here. */
import type { Command } from '../command';
import { dbCommands } from './db.commands';

export const commands: Command[] = [...dbCommands];
