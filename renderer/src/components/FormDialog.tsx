import { Modal } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

type Props = {
  title: ReactNode;
  saving: boolean;
  onOk: () => void;
  onClose: () => void;
  width?: number;
  okText?: string;
  /** A message for the whole form (field problems show under their fields). */
  error?: string | null;
  children: ReactNode;
};

/** A dialog holding one form: save / cancel, no closing by a stray click outside, an error line on top. */
export function FormDialog({ title, saving, onOk, onClose, width = 560, okText, error, children }: Props) {
  const t = useT();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      mask={{ closable: false }}
      width={width}
    >
      <ErrorAlert text={error ?? null} />
      {children}
    </Modal>
  );
}

/** Run a save: `saving` while it runs, and whatever it throws handed to `onError`. */
export function useSaving(onError: (error: unknown) => void): {
  saving: boolean;
  run: (work: () => Promise<void>) => Promise<void>;
} {
  const [saving, setSaving] = useState(false);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setSaving(true);
      try {
        await work();
      } catch (error) {
        onError(error);
      } finally {
        setSaving(false);
      }
    },
    [onError],
  );
  return { saving, run };
}
