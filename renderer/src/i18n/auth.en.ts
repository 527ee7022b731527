import type { authZh } from './auth.zh-CN';

export const authEn: { readonly [K in keyof typeof authZh]: string } = {
  'auth.title': 'Sign in to 门店通',
  'auth.code': 'Staff code',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.locked': 'Locked after a while without activity. Please sign in again.',
  'auth.signOut': 'Sign out',
  'auth.account': 'Account and security',
  'auth.signedInAs': 'Signed in: {name} ({code})',
  'auth.localOwner':
    'Sign-in is not on yet: the person at this computer acts as the owner. Once the owner has a password, everyone signs in.',
  'auth.current': 'Current password',
  'auth.next': 'New password (8+ characters, letters and digits)',
  'auth.change': 'Change password',
  'auth.changed': 'Password changed; other devices were signed out',
  'auth.setFor': 'Set a staff member’s password',
  'auth.staff': 'Staff member',
  'auth.set': 'Set password',
  'auth.setDone': 'Password set for {name}',
  'backup.title': 'Backups',
  'backup.dir': 'Backup folder (ideally another drive or a USB disk)',
  'backup.daily': 'Back up daily',
  'backup.keep': 'Backups to keep',
  'backup.save': 'Save backup settings',
  'backup.run': 'Back up now',
  'backup.done': 'Backed up to {folder}',
  'backup.last': 'Last backup: {at}',
  'backup.never': 'No backup yet.',
  'backup.restoreHint':
    'To restore: close 门店通 and run office restore <backup folder> — the backup is verified first and the current data is kept aside.',
};
