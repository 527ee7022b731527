import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import type { DocFields, DocumentRow, DuplicateChoice } from '../../../../../shared/contract/archive';
import { ApiError, toApiError } from '../../../api/ApiError';
import { errorText } from '../../../api/errorText';
import { useLanguage, useT } from '../../../i18n';
import { filesOfDrop, uploadDocument } from '../uploadDocument';
import { DocFieldsForm } from './DocFieldsForm';

type Progressing = { done: number; total: number; name: string; fraction: number };

/**
 * 归档: choose the batch's kind, client, contract and date, then drop files or folders. Files go
 * one at a time with progress and a cancel; an identical file asks skip / link / keep.
 */
export function FilingPanel({
  onFiled,
  initial,
  knownClient,
}: {
  onFiled: () => void;
  /** Fields chosen in advance (a client's or contract's own 档案 tab). */
  initial?: Partial<DocFields>;
  knownClient?: { id: number; name: string };
}) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [fields, setFields] = useState<DocFields>({ kindId: null, clientId: null, contractId: null, ...initial });
  const [progress, setProgress] = useState<Progressing | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const stopRef = useRef(false);
  const [question, setQuestion] = useState<{ name: string; existing: DocumentRow; answer: (c: DuplicateChoice) => void } | null>(
    null,
  );

  const ask = (name: string, existing: DocumentRow) =>
    new Promise<DuplicateChoice>((resolve) => setQuestion({ name, existing, answer: (c) => (setQuestion(null), resolve(c)) }));

  const fileAll = async (files: File[]) => {
    stopRef.current = false;
    let filed = 0;
    let skipped = 0;
    for (const [i, file] of files.entries()) {
      if (stopRef.current) {
        void message.warning(t('archive.cancelled', { n: files.length - i }));
        break;
      }
      // A 0-byte file is a failed scan or copy: say so and go on with the others (the core refuses it too).
      if (file.size === 0) {
        void message.error(t('archive.emptyFile', { name: file.name }));
        continue;
      }
      setProgress({ done: i, total: files.length, name: file.name, fraction: 0 });
      const once = async (choice: DuplicateChoice): Promise<void> => {
        const job = uploadDocument(file, fields, choice, (fraction) => setProgress((p) => (p ? { ...p, fraction } : p)));
        cancelRef.current = job.cancel;
        try {
          const result = await job.promise;
          if (result.outcome === 'filed') filed++;
          else skipped++;
        } catch (caught) {
          const error = toApiError(caught);
          const existing = error instanceof ApiError ? (error.body.details?.duplicate as DocumentRow | undefined) : undefined;
          if (existing && choice === 'ask') return once(await ask(file.name, existing));
          if (!stopRef.current) void message.error(`${file.name}:${errorText(error, lang)}`);
        }
      };
      await once('ask');
    }
    setProgress(null);
    cancelRef.current = null;
    if (filed) void message.success(t('archive.filed', { n: filed }));
    if (skipped) void message.info(t('archive.skipped', { n: skipped }));
    onFiled();
  };

  return (
    <div className="archive-filing" data-testid="archive-filing">
      <DocFieldsForm value={fields} onChange={setFields} withTitle={false} knownClient={knownClient} />
      {fields.kindId === null && (
        <Alert
          type="warning"
          showIcon
          className="archive-no-kind"
          data-testid="no-kind-warning"
          title={t('archive.noKindWarning')}
        />
      )}
      {/* A dropped folder is walked here (files inside, recursively); plain files go to the Dragger. */}
      <div
        onDropCapture={(e) => {
          const items = [...e.dataTransfer.items];
          const hasFolder = items.some(
            (i) => (i as unknown as { webkitGetAsEntry: () => { isDirectory: boolean } | null }).webkitGetAsEntry()?.isDirectory,
          );
          if (!hasFolder || progress) return;
          e.preventDefault();
          e.stopPropagation();
          void filesOfDrop(e.dataTransfer.items).then(fileAll);
        }}
      >
        <Upload.Dragger
          multiple
          showUploadList={false}
          disabled={progress !== null}
          beforeUpload={(_file, list) => {
            // Called once per file; act on the first call with the whole list.
            if (_file === list[0]) void fileAll(list as unknown as File[]);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('archive.drop')}</p>
          <p className="ant-upload-hint">{t('archive.dropHint')}</p>
        </Upload.Dragger>
      </div>
      {progress && (
        <Space className="archive-progress" align="center">
          <Typography.Text>
            {t('archive.uploading', { done: progress.done + 1, total: progress.total, name: progress.name })}
          </Typography.Text>
          <Progress percent={Math.round(((progress.done + progress.fraction) / progress.total) * 100)} style={{ width: 240 }} />
          <Button
            onClick={() => {
              stopRef.current = true;
              cancelRef.current?.();
            }}
          >
            {t('archive.cancel')}
          </Button>
        </Space>
      )}
      {question && (
        <Modal
          open
          title={t('archive.duplicateTitle', { name: question.name })}
          closable={false}
          mask={{ closable: false }}
          footer={[
            <Button key="skip" onClick={() => question.answer('skip')}>
              {t('archive.duplicateSkip')}
            </Button>,
            <Button key="link" onClick={() => question.answer('link')}>
              {t('archive.duplicateLink')}
            </Button>,
            <Button key="keep" type="primary" onClick={() => question.answer('keep')}>
              {t('archive.duplicateKeep')}
            </Button>,
          ]}
        >
          <Typography.Paragraph>
            {question.existing.title} · {question.existing.relPath}
          </Typography.Paragraph>
        </Modal>
      )}
    </div>
  );
}
