import { Button, Progress, Space, Typography } from 'antd';
import { useT } from '../../i18n';
import type { RunningJob } from './useImportJob';

/** The running import: what it is doing, how far, and a way to stop it. */
export function ImportProgressView({ job, onCancel }: { job: RunningJob; onCancel: () => void }) {
  const t = useT();
  const p = job.progress;
  const phase = p?.phase ?? 'reading';
  const text =
    phase === 'checking' || phase === 'writing'
      ? t(phase === 'checking' ? 'imports.phase.checking' : 'imports.phase.writing', { done: p!.done, total: p!.total || '?' })
      : phase === 'queued' || phase === 'finishing'
        ? t(phase === 'queued' ? 'imports.phase.queued' : 'imports.phase.finishing')
        : t('imports.phase.reading');
  const percent = p && p.total > 0 ? Math.min(99, Math.round((p.done / p.total) * 100)) : phase === 'finishing' ? 99 : 0;
  return (
    <div className="import-progress" role="status">
      <Progress percent={percent} status="active" />
      <Space>
        <Typography.Text>{text}</Typography.Text>
        <Button size="small" onClick={onCancel}>
          {t('imports.cancel')}
        </Button>
      </Space>
    </div>
  );
}
