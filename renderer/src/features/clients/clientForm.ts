import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ClientDetail, NewClient } from '../../../../shared/contract/clients';
import type { ClientGrade, ClientLevel, ClientSource, SalesStage, ValueType } from '../../../../shared/clients/classification';

/** The 客户档案 form's values (dates as dayjs, phones as a list of inputs). */
export type ClientFormValues = {
  kind: 'company' | 'person';
  name: string;
  contactName: string;
  phones: string[];
  wechat: string;
  qq: string;
  email: string;
  address: string;
  province: string;
  city: string;
  district: string;
  township: string;
  industry: string;
  size: string;
  source: ClientSource;
  referrerName: string;
  joinedOn: Dayjs;
  ownerStaffId: number | null;
  level: ClientLevel;
  grade: ClientGrade | '';
  stage: SalesStage;
  valueType: ValueType | '';
  man: ('money' | 'authority' | 'need')[];
  birthday: string;
  anniversary: string;
  notes: string;
};

/** Fields whose errors show under them; phone problems (phones.N) go to the alert above the form. */
export const CLIENT_FORM_FIELDS = [
  'kind',
  'name',
  'contactName',
  'wechat',
  'qq',
  'email',
  'address',
  'province',
  'city',
  'district',
  'township',
  'industry',
  'size',
  'source',
  'referrerName',
  'joinedOn',
  'ownerStaffId',
  'level',
  'grade',
  'stage',
  'valueType',
  'birthday',
  'anniversary',
  'notes',
] as const;

export function emptyClientForm(today: Dayjs = dayjs()): ClientFormValues {
  return {
    kind: 'company',
    name: '',
    contactName: '',
    phones: [''],
    wechat: '',
    qq: '',
    email: '',
    address: '',
    province: '',
    city: '',
    district: '',
    township: '',
    industry: '',
    size: '',
    source: 'other',
    referrerName: '',
    joinedOn: today,
    ownerStaffId: null,
    level: 4,
    grade: '',
    stage: 'prepare',
    valueType: '',
    man: [],
    birthday: '',
    anniversary: '',
    notes: '',
  };
}

export function clientToForm(c: ClientDetail): ClientFormValues {
  return {
    kind: c.kind,
    name: c.name,
    contactName: c.contactName,
    phones: c.phones.length ? c.phones.map((p) => p.phone) : [''],
    wechat: c.wechat,
    qq: c.qq,
    email: c.email,
    address: c.address,
    province: c.province,
    city: c.city,
    district: c.district,
    township: c.township,
    industry: c.industry,
    size: c.size,
    source: c.source,
    referrerName: c.referrerName,
    joinedOn: dayjs(c.joinedOn),
    ownerStaffId: c.ownerStaffId,
    level: c.level,
    grade: c.grade,
    stage: c.stage,
    valueType: c.valueType,
    man: [
      ...(c.manMoney ? ['money' as const] : []),
      ...(c.manAuthority ? ['authority' as const] : []),
      ...(c.manNeed ? ['need' as const] : []),
    ],
    birthday: c.birthday ?? '',
    anniversary: c.anniversary ?? '',
    notes: c.notes,
  };
}

/** What clients.create takes (clients.update takes the same minus the owner, plus the id). */
export function formToClientInput(
  v: ClientFormValues,
): Omit<NewClient, 'ownerStaffId' | 'referrerClientId'> & { ownerStaffId: number | null } {
  return {
    kind: v.kind,
    name: v.name.trim(),
    contactName: v.contactName.trim(),
    phones: v.phones.map((p) => p.trim()).filter(Boolean),
    wechat: v.wechat.trim(),
    qq: v.qq.trim(),
    email: v.email.trim(),
    address: v.address.trim(),
    province: v.province.trim(),
    city: v.city.trim(),
    district: v.district.trim(),
    township: v.township.trim(),
    industry: v.industry.trim(),
    size: v.size.trim(),
    source: v.source,
    referrerName: v.referrerName.trim(),
    joinedOn: v.joinedOn.format('YYYY-MM-DD'),
    ownerStaffId: v.ownerStaffId ?? null,
    level: v.level,
    grade: v.grade,
    stage: v.stage,
    valueType: v.valueType,
    manMoney: v.man.includes('money'),
    manAuthority: v.man.includes('authority'),
    manNeed: v.man.includes('need'),
    birthday: normaliseYearly(v.birthday),
    anniversary: normaliseYearly(v.anniversary),
    notes: v.notes.trim(),
  };
}

/** "3-5", "03-05", "3月5日", "1980-3-5" → "03-05" / "1980-03-05"; '' → null; anything else as typed (the core explains). */
export function normaliseYearly(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const md = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (md) return `${md[1]!.padStart(2, '0')}-${md[2]!.padStart(2, '0')}`;
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (ymd) return `${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`;
  return t;
}
