import { App, Modal, type FormInstance } from 'antd';
import { useCallback, useState, type KeyboardEvent, type ReactNode } from 'react';
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
  /**
   * The dialog's form: once a field was changed, Esc, × and 取消 ask before throwing the typing
   * away. Without it the dialog closes at once (nothing typed can be lost).
   */
  form?: FormInstance;
  children: ReactNode;
};

/**
 * A dialog holding one form: save / cancel, no closing by a stray click outside, an error line on
 * top, Enter in a text field saves, and a filled form asks before it is discarded.
 */
export function FormDialog({ title, saving, onOk, onClose, width = 560, okText, error, form, children }: Props) {
  const t = useT();
  const requestClose = useConfirmDiscard(form, onClose);
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={requestClose}
      mask={{ closable: false }}
      width={width}
    >
      <div onKeyDown={(e) => submitOnEnter(e, saving ? null : onOk)}>
        <ErrorAlert text={error ?? null} />
        {children}
      </div>
    </Modal>
  );
}

/**
 * Enter in a plain text field saves, as in any desktop form. Not in a text area (new line), not
 * while an IME is composing (Enter picks the 拼音 candidate), not in a select or date picker
 * (Enter chooses the option or the typed date there).
 */
export function submitOnEnter(e: KeyboardEvent<HTMLElement>, submit: (() => void) | null): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey || e.ctrlKey || e.altKey || !submit) return;
  const target = e.target as HTMLElement;
  if (target.tagName !== 'INPUT') return;
  const type = (target as HTMLInputElement).type;
  if (type === 'checkbox' || type === 'radio' || type === 'file') return;
  if (target.closest('.ant-select, .ant-picker, .ant-cascader, .ant-input-number-handler-wrap')) return;
  e.preventDefault();
  submit();
}

/**
 * `close` that first asks "放弃未填完的内容?" when the form was changed. Returned as a stable
 * callback so it can be the dialog's onCancel (Esc, ×, 取消).
 */
export function useConfirmDiscard(form: FormInstance | undefined, close: () => void): () => void {
  const t = useT();
  const { modal } = App.useApp();
  return useCallback(() => {
    if (!form?.isFieldsTouched()) {
      close();
      return;
    }
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardText'),
      okText: t('form.discard'),
      okButtonProps: { danger: true },
      cancelText: t('form.keepEditing'),
      onOk: close,
    });
  }, [form, close, modal, t]);
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
