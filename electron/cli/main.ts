import path from 'node:path';
import { EXIT } from './command';
import { commands } from './commands';
import { createCliEnv, printError, type CliIo } from './cli-env';
import { defaultDataDir } from '../server/paths';
import { AppError } from '../server/core/app-error';

/**
 * `office [--data DIR] COMMAND ...`. Global options come before the command; the data folder
 * defaults to $OFFICE_DATA, then the app's own data folder.
 */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let dataDir = defaultDataDir(env);
  const args = [...argv];
  while (args[0]?.startsWith('-')) {
    const flag = args.shift()!;
    if (flag === '--data' || flag.startsWith('--data=')) {
      const value = flag.includes('=') ? flag.slice('--data='.length) : args.shift();
      if (!value) {
        printError(io, '--data 需要一个文件夹路径。', '--data needs a folder path.');
        return EXIT.usage;
      }
      dataDir = path.resolve(value);
    } else if (flag === '--help' || flag === '-h') {
      io.stdout(helpText());
      return EXIT.ok;
    } else {
      printError(io, `未知选项 ${flag}。运行 office --help 查看用法。`, `Unknown option ${flag}. Run office --help.`);
      return EXIT.usage;
    }
  }
  const [name, ...rest] = args;
  if (!name || name === 'help') {
    io.stdout(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    printError(
      io,
      `未知命令 "${name}"。运行 office --help 查看全部命令。`,
      `Unknown command "${name}". Run office --help to see all commands.`,
    );
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\n${command.usage}\n`);
    return EXIT.ok;
  }
  const cliEnv = createCliEnv(dataDir, io);
  try {
    return await command.run(rest, cliEnv);
  } catch (error) {
    if (error instanceof AppError) {
      printError(io, error.zh, error.messageEn, error.details?.issues);
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      printError(
        io,
        `参数有误:${(error as Error).message}\n用法:\n${command.usage}`,
        `Bad arguments: ${(error as Error).message}`,
      );
      return EXIT.usage;
    } else {
      printError(io, `命令失败:${(error as Error).message}`, `The command failed: ${(error as Error).message}`);
    }
    return EXIT.failed;
  } finally {
    await cliEnv.close();
  }
}

function helpText(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return `门店通命令行 / 门店通 command line

用法 / Usage: office [--data DIR] <command> [options]

  --data DIR   数据文件夹(含 office.db 和默认档案文件夹);默认为环境变量 OFFICE_DATA 或应用数据文件夹
               Data folder (office.db and, by default, the archive); default $OFFICE_DATA or the app data folder

命令 / Commands:
${lines.join('\n')}

每个命令加 --help 查看用法 / Add --help to any command for its usage.
`;
}
