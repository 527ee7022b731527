import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditReport, DocumentRow, FilingResult, KindRow } from '../../../shared/contract/archive';
import { isRealDate } from '../../../shared/dates';
import { printError, type CliEnv } from '../cli-env';
import { EXIT, type CliCommand } from '../command';
import { formatTable } from '../format-table';

const usage = `office archive add PATH... --kind 母目录/子目录 [--client 客户名称] [--contract 合同编号] [--date YYYY-MM-DD] [--title 标题] [--move] [--on-duplicate skip|link|keep]
office archive audit [--rehash] [--json]          (exit 0 clean, 3 with findings)
office archive cleanup                             (what 定期清理 proposes; removes nothing)
office archive search [TEXT] [--kind 母目录/子目录] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
  PATH 可以是文件或文件夹(文件夹内的文件逐个归档);默认复制,--move 在校验一致后删除原文件。
  PATH may be files or folders (each file inside is filed); copies by default, --move removes the source after its copy verifies.`;

/** Every file under the given paths, folders walked recursively, in a stable order. */
function expand(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat?.isDirectory())
      out.push(
        ...expand(
          fs
            .readdirSync(p)
            .sort()
            .map((name) => path.join(p, name)),
        ),
      );
    else out.push(p);
  }
  return out;
}

async function resolveIds(
  env: CliEnv,
  kind: string | undefined,
  client: string | undefined,
  contract?: string | undefined,
): Promise<{ kindId: number | null; clientId: number | null; contractId: number | null } | null> {
  let kindId: number | null = null;
  if (kind) {
    const kinds = await env.call<KindRow[]>('archive.kinds');
    const found = kinds?.find((k) => k.path === kind || k.name === kind);
    if (!found) {
      printError(env, `没有分类“${kind}”。可用:${kinds?.map((k) => k.path).join('、')}`, `No kind “${kind}”.`);
      return null;
    }
    kindId = found.id;
  }
  let clientId: number | null = null;
  if (client) {
    const list = await env.call<{ rows: { id: number; name: string }[] }>('clients.list', { search: client, limit: 20 });
    const exact = list?.rows.filter((r) => r.name === client) ?? [];
    if (exact.length !== 1) {
      printError(
        env,
        `找不到唯一的客户“${client}”,请写完整的客户名称。`,
        `No single client named “${client}”; give the full name.`,
      );
      return null;
    }
    clientId = exact[0]!.id;
  }
  let contractId: number | null = null;
  if (contract) {
    const list = await env.call<{ rows: { id: number; number: string }[] }>('contracts.list', { search: contract, limit: 20 });
    const exact = list?.rows.filter((r) => r.number.toLowerCase() === contract.toLowerCase()) ?? [];
    if (exact.length !== 1) {
      printError(env, `没有合同编号为“${contract}”的合同。`, `No contract numbered “${contract}”.`);
      return null;
    }
    contractId = exact[0]!.id;
  }
  return { kindId, clientId, contractId };
}

async function fileCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      client: { type: 'string' },
      contract: { type: 'string' },
      date: { type: 'string' },
      title: { type: 'string' },
      move: { type: 'boolean', default: false },
      'on-duplicate': { type: 'string', default: 'skip' },
    },
    strict: true,
  });
  const onDuplicate = values['on-duplicate'];
  if (positionals.length === 0 || !['skip', 'link', 'keep'].includes(onDuplicate)) {
    printError(env, `用法:\n${usage}`, 'Usage above.');
    return EXIT.usage;
  }
  if (values.date && !isRealDate(values.date)) {
    printError(env, `日期“${values.date}”无效,应为 YYYY-MM-DD。`, `The date “${values.date}” is invalid; use YYYY-MM-DD.`);
    return EXIT.failed;
  }
  const ids = await resolveIds(env, values.kind, values.client, values.contract);
  if (!ids) return EXIT.failed;
  const files = expand(positionals);
  const missing = files.filter((f) => !fs.statSync(f, { throwIfNoEntry: false })?.isFile());
  if (missing.length) {
    printError(env, `找不到文件:${missing.join('、')}`, `File not found: ${missing.join(', ')}`);
    return EXIT.failed;
  }
  const documents: { id: number; path: string; sha256: string; duplicateOf: number | null }[] = [];
  let failed = 0;
  for (const file of files) {
    const result = await env.call<FilingResult>('archive.fileLocal', {
      sourcePath: path.resolve(file),
      fields: {
        ...ids,
        ...(values.date ? { docDate: values.date } : {}),
        ...(values.title && files.length === 1 ? { title: values.title } : {}),
      },
      move: values.move,
      onDuplicate,
    });
    if (!result) {
      failed++;
      continue;
    }
    // A duplicate is reported with the document it duplicates, never stored twice (unless --on-duplicate keep).
    const doc = result.outcome === 'filed' ? result.document : result.existing;
    documents.push({
      id: doc.id,
      path: doc.relPath,
      sha256: doc.sha256,
      duplicateOf: result.outcome === 'filed' ? null : doc.id,
    });
  }
  const settings = await env.call<{ archiveRoot: string }>('settings.get');
  env.stdout(`${JSON.stringify({ root: settings?.archiveRoot ?? '', documents, failed }, null, 2)}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}

async function auditCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { rehash: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const report = await env.call<AuditReport>('archive.audit', { rehash: values.rehash });
  if (!report) return EXIT.failed;
  if (values.json) {
    const findings = report.findings.map(({ relPath, ...f }) => ({
      kind: f.kind,
      path: relPath,
      documentId: f.documentId,
      candidatePath: f.candidatePath,
      message: f.zh,
      messageEn: f.en,
    }));
    env.stdout(
      `${JSON.stringify({ checkedAt: report.checkedAt, files: report.files, documents: report.documents, findings }, null, 2)}\n`,
    );
  } else {
    env.stdout(
      `档案体检 / Archive check: ${report.files} 个文件 files, ${report.documents} 份记录 records, ${report.findings.length} 个问题 findings\n`,
    );
    for (const f of report.findings) env.stdout(`  [${f.kind}] ${f.zh}\n    ${f.en}\n`);
  }
  return report.findings.length ? FINDINGS_EXIT : EXIT.ok;
}

/** `office archive audit` exits 3 when the folder and the records disagree (1 stays "failed"). */
const FINDINGS_EXIT = 3;

async function cleanupCommand(env: CliEnv): Promise<number> {
  const proposals = await env.call<{ purgeDue: DocumentRow[]; draftsOld: DocumentRow[]; retentionDays: number }>(
    'archive.cleanup',
  );
  if (!proposals) return EXIT.failed;
  const brief = (d: DocumentRow) => ({ id: d.id, path: d.relPath, title: d.title, deletedAt: d.deletedAt, docDate: d.docDate });
  env.stdout(
    `${JSON.stringify({ retentionDays: proposals.retentionDays, purgeDue: proposals.purgeDue.map(brief), draftsOld: proposals.draftsOld.map(brief) }, null, 2)}\n`,
  );
  return EXIT.ok;
}

async function searchCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const ids = await resolveIds(env, values.kind, undefined);
  if (!ids) return EXIT.failed;
  const list = await env.call<{ rows: DocumentRow[]; total: number }>('archive.list', {
    search: positionals.join(' '),
    ...(ids.kindId ? { kindId: ids.kindId } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    limit: 500,
  });
  if (!list) return EXIT.failed;
  if (values.json) env.stdout(`${JSON.stringify(list, null, 2)}\n`);
  else
    env.stdout(
      formatTable(
        ['日期', '分类', '标题', '客户', '位置'],
        list.rows.map((d) => [d.docDate, d.kindPath, d.title, d.clientName, d.relPath]),
      ),
    );
  return EXIT.ok;
}

export const archiveCommand: CliCommand = {
  name: 'archive',
  summary: '档案:归档、体检、搜索 / Archive: file, check, search',
  usage,
  async run(args, env) {
    const [sub, ...rest] = args;
    if (sub === 'add' || sub === 'file') return fileCommand(rest, env);
    if (sub === 'cleanup') return cleanupCommand(env);
    if (sub === 'audit') return auditCommand(rest, env);
    if (sub === 'search') return searchCommand(rest, env);
    printError(env, `用法:\n${usage}`, 'Usage above.');
    return EXIT.usage;
  },
};
