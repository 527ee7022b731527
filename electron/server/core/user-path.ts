import path from 'node:path';
import { AppError } from './app-error';

/**
 * A folder a person typed (backup folder, archive folder) must be a full path on THIS computer:
 * the contract's schema accepts both Windows and POSIX forms, but `D:\备份` on Linux, or any
 * relative path, would be resolved against the program's working folder and write somewhere
 * nobody looks. Called by each service right before it uses such a path.
 */
export function assertAbsoluteHere(value: string, field: string): void {
  if (path.isAbsolute(value) && !value.includes('\0')) return;
  throw new AppError(
    'invalid_input',
    {
      zh: `"${value.slice(0, 200)}" 不是这台电脑上的完整路径,请填写完整路径(例如 ${example()})。`,
      en: `"${value.slice(0, 200)}" is not a full path on this computer; give the full path (e.g. ${example()}).`,
    },
    { issues: [{ path: field, message: '必须是这台电脑上的完整路径', messageEn: 'must be a full path on this computer' }] },
  );
}

function example(): string {
  return process.platform === 'win32' ? 'D:\\门店备份' : '/home/office/门店备份';
}
