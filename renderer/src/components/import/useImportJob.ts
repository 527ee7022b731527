import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportReport } from '../../../../shared/imports/import-report';
import { call } from '../../api/client';
import { newJobId, uploadImport, type ImportMethod, type ImportOptions } from './uploadImport';

export type RunningJob = { jobId: string; dryRun: boolean; progress: ImportProgress | null };

/**
 * One import call at a time, followed while it runs: the page picks the job id, polls
 * `imports.progress` twice a second for the progress bar, and `cancel` asks the core to stop
 * it (the call then fails with "cancelled", nothing written).
 */
export function useImportJob(method: ImportMethod) {
  const [running, setRunning] = useState<RunningJob | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stopPolling = (): void => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const start = useCallback(
    async (file: File, options: Omit<ImportOptions, 'jobId'>): Promise<ImportReport> => {
      const jobId = newJobId();
      setRunning({ jobId, dryRun: options.dryRun, progress: null });
      stopPolling();
      timer.current = setInterval(() => {
        call('imports.progress', { jobId })
          .then((progress) => setRunning((r) => (r && r.jobId === jobId ? { ...r, progress } : r)))
          .catch(() => undefined);
      }, 500);
      try {
        return await uploadImport(method, file, { ...options, jobId });
      } finally {
        stopPolling();
        setRunning(null);
      }
    },
    [method],
  );

  const cancel = useCallback(async (): Promise<void> => {
    if (running) await call('imports.cancel', { jobId: running.jobId }).catch(() => undefined);
  }, [running]);

  return { running, start, cancel };
}
