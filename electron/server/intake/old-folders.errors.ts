import { AppError } from '../core/app-error';

export { AppError };

/** A per-file failure in both languages for the report (never a bare errno). */
export function toAppErrorText(error: unknown): { zh: string; en: string } {
  if (error instanceof AppError) {
    const body = error.toBody();
    return { zh: body.message, en: body.messageEn };
  }
  const code = (error as { code?: string }).code;
  const message = (error as Error)?.message ?? String(error);
  if (code === 'EACCES' || code === 'EPERM')
    return { zh: `没有权限读取此文件(${message})`, en: `No permission to read this file (${message})` };
  if (code === 'ENOENT')
    return { zh: '文件在收编过程中被移走或删除', en: 'The file was moved or deleted while being brought in' };
  return { zh: `无法归档:${message}`, en: `Could not be filed: ${message}` };
}
