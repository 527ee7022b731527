import type { CliCommand } from '../command';
import { serveCommand } from './serve';
import { staffCommand } from './staff';
import { importCommand } from './import';
import { exportCommand } from './export';
import { renewalsCommand } from './renewals';
import { monthCommand } from './month';
import { sheetCommand } from './sheet';
import { archiveCommand } from './archive';
import { backupCommand, restoreCommand } from './backup';
import { userCommand } from './user';
import { poolCommand } from './pool';
import { receivablesCommand } from './receivables';
import { templateCommand } from './template';

/** Every `office` command. Each area appends its own. */
export const commands: CliCommand[] = [serveCommand, staffCommand];
commands.push(importCommand, exportCommand, renewalsCommand);
commands.push(templateCommand);
commands.push(monthCommand, sheetCommand);
commands.push(archiveCommand);
commands.push(backupCommand, restoreCommand);
commands.push(userCommand);
commands.push(poolCommand, receivablesCommand);
