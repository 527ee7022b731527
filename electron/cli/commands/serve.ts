import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startHost } from '../../host/server';
import { startDailyJobs } from '../../server/schedule/daily-jobs';
import { startTextJobs } from '../../server/ocr/text-jobs.runner';
import { startInbox } from '../../server/intake/inbox.watcher';
import { EXIT, type CliCommand } from '../command';
import { printError } from '../cli-env';

export const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '启动浏览器模式 / Serve the app in a browser',
  usage: 'office serve [--port N] [--host 127.0.0.1]',
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string', default: '5517' }, host: { type: 'string', default: '127.0.0.1' } },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      printError(env, `端口 "${values.port}" 无效,应为 0–65535。`, `Port "${values.port}" is invalid; use 0–65535.`);
      return EXIT.usage;
    }
    const host = await startHost({ office: env.office(), rendererDir: RENDERER_DIR, host: values.host, port });
    // Daily backup (once the owner chose a folder) and daily archive audit while the office is served.
    const stopBackups = startDailyJobs(env.office(), (text) => env.stderr(`${text}\n`));
    // The text queue (OCR of scans, re-reading documents) resumes where the last run stopped.
    startTextJobs(env.office());
    // The scan inbox (once a folder is set): new scans are read, proposed, and filed when sure.
    const stopInbox = startInbox(env.office());
    env.stdout(`门店通已启动 / 门店通 is running: ${host.url}\n数据文件夹 / Data folder: ${env.dataDir}\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    stopBackups();
    stopInbox();
    await host.close();
    return EXIT.ok;
  },
};
