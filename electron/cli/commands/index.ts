import type { CliCommand } from '../command';
import { serveCommand } from './serve';
import { staffCommand } from './staff';

/** Every `office` command. Each area appends its own. */
export const commands: CliCommand[] = [serveCommand, staffCommand];
