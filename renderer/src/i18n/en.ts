import { authEn } from './auth.en';
import { auditEn } from './audit.en';
import { doctextEn } from './doctext.en';
import { intakeEn } from './intake.en';
import { archiveEn } from './archive.en';
import { commissionEn } from './commission.en';
import { performanceEn } from './performance.en';
import type { Dictionary } from './types';

import { clientsEn } from './clients.en';
import { backupEn } from './backup.en';
import { commonEn } from './common.en';
import { payEn } from './pay.en';
import { poolEn } from './pool.en';
import { receivablesEn } from './receivables.en';
import { importsEn } from './imports.en';

export const en: Dictionary = {
  ...authEn,
  ...archiveEn,
  ...auditEn,
  ...doctextEn,
  ...intakeEn,
  ...commissionEn,
  ...performanceEn,
  ...clientsEn,
  ...backupEn,
  ...commonEn,
  ...payEn,
  ...poolEn,
  ...receivablesEn,
  ...importsEn,
  'app.name': '门店通',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Cannot reach 门店通',
  'app.retry': 'Retry',
  'app.unexpected': 'Something went wrong: {message}',

  'lang.label': 'Language',

  'nav.clients': 'Clients',
  'nav.contracts': 'Contracts',
  'nav.archive': 'Archive',
  'nav.staff': 'Staff & targets',
  'nav.performance': 'Performance sheet',
  'nav.settings': 'Settings',
  'nav.menu': 'Main menu',


  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.edit': 'Edit',
  'common.actions': 'Actions',
  'common.required': '{label} is required',
  'common.saved': 'Saved',
  'common.refresh': 'Refresh',

  'setup.title': 'Welcome to 门店通',
  'setup.subtitle': 'First start: tell us about the office. You can change the name and address later in Settings.',
  'setup.submit': 'Finish setup',
  'setup.owner': 'Owner account',
  'setup.ownerName': 'Owner name',
  'setup.ownerCode': 'Owner staff code',
  'setup.ownerCodeRule': 'Letters, digits, - and _ only',
  'setup.ownerPassword': 'Password (optional)',
  'setup.ownerPasswordHelp':
    'With a password, 门店通 asks for the staff code and password when it opens (8+ characters, letters and digits). Leave it empty to go without sign-in for now; turn it on later in Settings.',
  'setup.archiveRootHelp':
    'Client files, contracts and drafts are filed here in folders you can also browse in Explorer. Use a full path, e.g. D:\\Archive.',
  'setup.dataDirHelp': 'The database office.db lives in this folder. To use another one, start 门店通 with --data.',

  'office.name': 'Office name',
  'office.namePlaceholder': 'e.g. Sunshine Franchise Office',
  'office.address': 'Address',
  'office.addressPlaceholder': 'e.g. 88 Main Road, City',
  'office.archiveRoot': 'Archive folder',
  'office.dataDir': 'Data folder',

  'settings.title': 'Settings',
  'settings.office': 'Office',
  'settings.folders': 'Folders',
  'settings.foldersHint':
    'The archive folder is chosen at first start; moving it and safely re-filing its files will come with the Archive section.',

  'staff.title': 'Staff & targets',
  'staff.tab.list': 'Staff',
  'staff.tab.targets': 'Monthly targets',
  'staff.tab.commission': 'Commission',
  'staff.add': 'Add staff member',
  'staff.showLeft': 'Show former staff',
  'staff.count': '{count} people',
  'staff.empty': 'No staff yet. Click “Add staff member” to start.',
  'staff.code': 'Staff code',
  'staff.name': 'Name',
  'staff.role': 'Role',
  'staff.hiredOn': 'Hired on',
  'staff.baseSalary': 'Base salary',
  'staff.phone': 'Phone',
  'staff.phoneInvalid': 'Not a phone number: mobiles have 11 digits; landlines need the area code, e.g. 0755-12345678',
  'staff.phonePlaceholder': 'e.g. 13800138000',
  'staff.status': 'Status',
  'staff.status.active': 'Active',
  'staff.status.warning': 'Warning',
  'staff.status.dismissal_due': 'Dismissal due',
  'staff.status.left': 'Left',
  'staff.leftOnShort': 'left {date}',
  'staff.createTitle': 'Add staff member',
  'staff.editTitle': 'Edit staff member: {name}',
  'staff.codePlaceholder': 'e.g. S001',
  'staff.salaryPlaceholder': 'e.g. 3,000.50',
  'staff.yuan': 'yuan',
  'staff.salaryHelp': 'Fixed monthly salary in yuan, to the fen',
  'staff.salaryInvalid': 'Enter an amount such as 3000 or 3,000.50',
  'staff.salaryNegative': 'Base salary cannot be negative',
  'staff.salaryTooLarge': 'Base salary is too large; please check it (limit 10,000,000 yuan)',
  'staff.created': 'Added {name}',
  'staff.updated': 'Saved changes to {name}',
  'staff.deactivate': 'Mark as left',
  'staff.deactivateTitle': 'Mark as left: {name} ({code})',
  'staff.deactivateHint':
    'Their record and past figures are kept; their clients must be reassigned and are never lost. This cannot be undone.',
  'staff.leftOn': 'Leaving date',
  'staff.deactivateOk': 'Confirm leaving',
  'staff.deactivated': '{name} has left',
};
