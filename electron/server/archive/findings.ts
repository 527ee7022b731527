import { FIX_ACTIONS_BY_KIND, type AuditFinding, type FindingKind, type FixAction } from '../../../shared/contract/archive';

const TEXT: Record<FindingKind, (f: { rel: string; candidate?: string | null }) => { zh: string; en: string }> = {
  unrecorded: ({ rel }) => ({ zh: `文件夹里有未登记的文件:${rel}`, en: `A file in the folder is not recorded: ${rel}` }),
  missing: ({ rel, candidate }) =>
    candidate
      ? {
          zh: `记录的文件不在原处:${rel},但在 ${candidate} 找到同样内容`,
          en: `Recorded file is not at ${rel}; the same content is at ${candidate}`,
        }
      : { zh: `记录的文件不见了:${rel}`, en: `The recorded file is missing: ${rel}` },
  modified: ({ rel }) => ({ zh: `文件内容与登记时不同:${rel}`, en: `The file's content changed since it was filed: ${rel}` }),
  misplaced: ({ rel }) => ({ zh: `文件不在模板规定的位置:${rel}`, en: `The file is not where the template puts it: ${rel}` }),
  empty: ({ rel }) => ({ zh: `空文件(0 字节):${rel}`, en: `Empty file (0 bytes): ${rel}` }),
  unlinked: ({ rel }) => ({
    zh: `档案没有分类,也没有关联客户或合同:${rel}`,
    en: `The document has no kind and no client or contract: ${rel}`,
  }),
  staging: ({ rel }) => ({
    zh: `上次归档中断留下的临时文件:${rel}`,
    en: `A temporary file left by an interrupted filing: ${rel}`,
  }),
};

/** One finding with its text and the choices it offers (unignore once ignored). */
export function finding(
  kind: FindingKind,
  rel: string,
  documentId: number | null,
  candidate: string | null = null,
  ignored = false,
): AuditFinding {
  // A missing record with its file found elsewhere is relinked, not trashed; without one, it can only go to the trash.
  const offered = FIX_ACTIONS_BY_KIND[kind].filter((a) =>
    kind === 'missing' ? (a === 'relink') === (candidate !== null) || a === 'ignore' : true,
  );
  const actions: FixAction[] = ignored ? [...offered.filter((a) => a !== 'ignore'), 'unignore'] : [...offered];
  return { kind, relPath: rel, documentId, candidatePath: candidate, actions, ignored, ...TEXT[kind]({ rel, candidate }) };
}

/** What a fix does when the caller names no action: only ever the non-destructive one. */
export const DEFAULT_ACTION: Partial<Record<FindingKind, FixAction>> = {
  missing: 'relink',
  modified: 'accept',
  misplaced: 'refile',
};
