/** Every command of `nhipso`; areas add theirs here. */
import type { Command } from '../command';
import { auditCommands } from './audit.commands';
import { boundariesCommands } from './boundaries.commands';
import { dbCommands } from './db.commands';
import { documentCommands } from './document.commands';
import { documentReadCommands } from './document-read.commands';
import { rollupsCommands } from './rollups.commands';
import { seedCommands } from './seed.commands';
import { unitsCommands } from './units.commands';
import { usersCommands } from './users.commands';

export const commands: Command[] = [
  ...dbCommands,
  ...unitsCommands,
  ...usersCommands,
  ...auditCommands,
  ...documentCommands,
  ...documentReadCommands,
  ...rollupsCommands,
  ...seedCommands,
  ...boundariesCommands,
];
