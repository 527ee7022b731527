import type { ClientDetail } from '../../../../shared/contract/clients';
import {
  GRADE_LABELS,
  LEVEL_LABELS,
  SOURCE_LABELS,
  STAGE_LABELS,
  VALUE_TYPE_LABELS,
  type Label,
} from '../../../../shared/clients/classification';
import type { MergeField } from '../../../../shared/clients/merge-fields';

/** What each merge field shows for one client, in the page's language. */
export function mergeValueText(c: ClientDetail, field: MergeField, label: (l: Label | undefined) => string): string {
  switch (field) {
    case 'name':
      return c.name;
    case 'kind':
      return label(c.kind === 'company' ? { zh: '公司', en: 'Company' } : { zh: '个人', en: 'Person' });
    case 'contactName':
      return c.contactName;
    case 'phones':
      return c.phones.map((p) => p.phone).join(', ');
    case 'wechat':
      return c.wechat;
    case 'qq':
      return c.qq;
    case 'email':
      return c.email;
    case 'address':
      return c.address;
    case 'region':
      return [c.province, c.city, c.district, c.township].filter(Boolean).join(' ');
    case 'industry':
      return c.industry;
    case 'size':
      return c.size;
    case 'source':
      return label(SOURCE_LABELS[c.source]);
    case 'referrer':
      return c.referrerClientName || c.referrerName;
    case 'joinedOn':
      return c.joinedOn;
    case 'owner':
      return c.ownerName || label({ zh: '公海(未分配)', en: 'Pool (no owner)' });
    case 'level':
      return LEVEL_LABELS[c.level].short;
    case 'grade':
      return c.grade ? label(GRADE_LABELS[c.grade]) : '';
    case 'man':
      return [c.manMoney ? 'M' : '', c.manAuthority ? 'A' : '', c.manNeed ? 'N' : ''].join('');
    case 'valueType':
      return c.valueType ? label(VALUE_TYPE_LABELS[c.valueType]) : '';
    case 'stage':
      return label(STAGE_LABELS[c.stage]);
    case 'birthday':
      return c.birthday ?? '';
    case 'anniversary':
      return c.anniversary ?? '';
    case 'notes':
      return c.notes;
  }
}
