import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startHost } from '../../host/server';
import { startDailyJobs } from '../../server/schedule/daily-jobs';
import { startTextJobs } from '../../server/ocr/text-jobs.runner';
import { startInbox } from '../../server/intake/inbox.watcher';
import { EXIT, type CliCommand } from '../command';
import { printError } from '../cli-env';
import { DEFAULT_UPLOAD_LIMITS } from '../../server/core/upload';

const MB = 1024 * 1024;

/**
 * dist/renderer, from this source file (electron/cli/commands/serve.ts) or from the CLI bundle
 * it is built into (dist/cli/office.js, scripts/build-electron.mjs).
 */
const here = fileURLToPath(import.meta.url);
export const RENDERER_DIR = path.resolve(path.dirname(here), here.endsWith('.ts') ? '../../../dist/renderer' : '../renderer');

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '启动浏览器模式 / Serve the app in a browser',
  usage: 'office serve [--port N] [--host 127.0.0.1] [--max-upload-mb 2048] [--min-free-mb 512]',
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '5517' },
        host: { type: 'string', default: '127.0.0.1' },
        'max-upload-mb': { type: 'string', default: String(DEFAULT_UPLOAD_LIMITS.maxUploadBytes / MB) },
        'min-free-mb': { type: 'string', default: String(DEFAULT_UPLOAD_LIMITS.minFreeBytes / MB) },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      printError(env, `端口 "${values.port}" 无效,应为 0–65535。`, `Port "${values.port}" is invalid; use 0–65535.`);
      return EXIT.usage;
    }
    const maxUpload = Number(values['max-upload-mb']);
    const minFree = Number(values['min-free-mb']);
    if (!(maxUpload > 0) || !(minFree >= 0)) {
      printError(
        env,
        '--max-upload-mb 应为正数,--min-free-mb 应为不小于 0 的数(单位 MB)。',
        '--max-upload-mb must be positive and --min-free-mb at least 0 (in MB).',
      );
      return EXIT.usage;
    }
    // The host holds the office while it runs: no other app, host or writing command meanwhile.
    const office = await env.holdOffice('serve');
    const host = await startHost({
      office,
      rendererDir: RENDERER_DIR,
      host: values.host,
      port,
      limits: { maxUploadBytes: maxUpload * MB, minFreeBytes: minFree * MB },
    });
    // Daily backup (once the owner chose a folder) and daily archive audit while the office is served.
    const stopBackups = startDailyJobs(office, (text) => env.stderr(`${text}\n`));
    // The text queue (OCR of scans, re-reading documents) resumes where the last run stopped.
    startTextJobs(office);
    // The scan inbox (once a folder is set): new scans are read, proposed, and filed when sure.
    const stopInbox = startInbox(office);
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
