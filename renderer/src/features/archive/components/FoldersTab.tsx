import { FolderOutlined } from '@ant-design/icons';
import { Tree, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FolderRow } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { toApiError, type ApiError } from '../../../api/ApiError';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { DocumentTable } from './DocumentTable';

type Node = { key: string; title: string; isLeaf: boolean; children?: Node[] };

const toNodes = (rows: FolderRow[]): Node[] =>
  rows.map((f) => ({ key: f.path, title: `${f.name} (${f.documents})`, isLeaf: false }));

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children, isLeaf: children.length === 0 }
      : n.children
        ? { ...n, children: withChildren(n.children, key, children) }
        : n,
  );
}

/**
 * 文件夹: the archive as the template lays it out (母目录 › 子目录 › 年 › 月), each folder with
 * its document count, loaded a level at a time so 200k documents stay quick; the documents of
 * the chosen folder (and everything under it) on the right.
 */
export function FoldersTab() {
  const t = useT();
  const [tree, setTree] = useState<Node[]>([]);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    call('archive.folders', { folder: '' }).then(
      (rows) => setTree(toNodes(rows)),
      (e: unknown) => setError(toApiError(e)),
    );
  }, []);
  const load = async (key: string): Promise<void> => {
    try {
      const rows = await call('archive.folders', { folder: key });
      setTree((nodes) => withChildren(nodes, key, toNodes(rows)));
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <div className="archive-folders" data-testid="archive-folders">
      <div className="archive-folder-tree">
        <Typography.Paragraph type="secondary">{t('archive.folderHint')}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Tree.DirectoryTree
          aria-label={t('archive.tab.folders')}
          treeData={[{ key: '', title: t('archive.folderRoot'), isLeaf: false, icon: <FolderOutlined />, children: tree }]}
          defaultExpandedKeys={['']}
          selectedKeys={[folder]}
          expandAction="click"
          loadData={(node) => (node.key === '' || node.children ? Promise.resolve() : load(String(node.key)))}
          onSelect={(keys) => setFolder(String(keys[0] ?? ''))}
        />
      </div>
      <div className="archive-folder-docs">
        <Typography.Text strong data-testid="folder-shown">
          {folder || t('archive.folderRoot')}
        </Typography.Text>
        <DocumentTable filters={folder ? { folder } : {}} />
      </div>
    </div>
  );
}
