import type { backupZh } from './backup.zh-CN';

export const backupEn: Record<keyof typeof backupZh, string> = {
  'backup.dirRequired': 'First enter the backup folder as a full path, e.g. D:\\门店通备份 (ideally another drive or a USB disk).',
  'backup.doneVerified': 'Backed up to {folder}; each of {n} archived files was verified.',
  'backup.doneWithMissing':
    'Backed up to {folder}, but {n} archived files were already missing or changed in the office and could not be backed up. Run the archive check.',
  'backup.lastProblem': 'Note from the last backup: {text}',
  'restore.open': 'Restore from a backup…',
  'restore.hint': 'The backup is checked in full first; the current data is kept aside (named "恢复前"), never deleted.',
  'restore.title': 'Restore from a backup',
  'restore.dir': 'Folder holding the backups',
  'restore.show': 'Show backups',
  'restore.none': 'There is no 门店通 backup in this folder.',
  'restore.colTime': 'Made at',
  'restore.colName': 'Backup',
  'restore.colDocs': 'Archived files',
  'restore.check': 'Check this backup',
  'restore.checking': 'Checking the database, the manifest and the hash of every archived file…',
  'restore.ok': 'This backup is intact and can be restored.',
  'restore.bad': 'This backup cannot be restored',
  'restore.office': 'Office',
  'restore.made': 'Made at',
  'restore.contents': 'Contents',
  'restore.counts': '{clients} clients · {contracts} contracts · {staff} staff',
  'restore.files': 'Archived files verified',
  'restore.filesValue': '{n}, {size} in all',
  'restore.unavailable':
    '{n} archived files were already missing or changed in the office when the backup was made and will still be missing, e.g. {example}',
  'restore.confirmText':
    'Restoring replaces all current data and archive files with this backup. The current data is kept aside (named "恢复前"), never deleted. Others’ work pauses for a moment meanwhile; you may have to sign in again afterwards.',
  'restore.confirmCheck': 'I understand: replace the current data with this backup',
  'restore.run': 'Restore',
  'restore.doneTitle': 'Restored',
  'restore.done': 'Restored from {folder}. The previous data is kept in: {aside}',
  'restore.reload': 'Reload',
  'restore.close': 'Close',
};
