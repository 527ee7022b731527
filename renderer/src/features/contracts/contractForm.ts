import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ContractRow, ContractStatus } from '../../../../shared/contract/contracts';
import { fenToYuanString, parseYuanToFen } from '../../../../shared/money';

export type ContractFormValues = {
  number: string;
  clientId: number | undefined;
  staffId: number | null | undefined;
  product: string;
  amountYuan: string;
  signedOn: Dayjs | null;
  service: [Dayjs, Dayjs] | null;
  status: ContractStatus;
  notes: string;
};

export const CONTRACT_FORM_FIELDS = [
  'number',
  'clientId',
  'staffId',
  'product',
  'amountYuan',
  'signedOn',
  'service',
  'status',
  'notes',
] as const;
export const CONTRACT_FORM_RENAME: Readonly<Record<string, string>> = {
  amountFen: 'amountYuan',
  startsOn: 'service',
  endsOn: 'service',
};

export function emptyContractForm(clientId?: number): ContractFormValues {
  return {
    number: '',
    clientId,
    staffId: undefined,
    product: '',
    amountYuan: '',
    signedOn: dayjs(),
    service: null,
    status: 'signed',
    notes: '',
  };
}

export function contractToForm(c: ContractRow): ContractFormValues {
  return {
    number: c.number,
    clientId: c.clientId,
    staffId: c.staffId,
    product: c.product,
    amountYuan: fenToYuanString(c.amountFen),
    signedOn: c.signedOn ? dayjs(c.signedOn) : null,
    service: c.startsOn && c.endsOn ? [dayjs(c.startsOn), dayjs(c.endsOn)] : null,
    status: c.status,
    notes: c.notes,
  };
}

/** The amount problem to show under the field, or null when it is money (0 allowed). */
export function amountProblem(text: string | undefined): 'contracts.amountInvalid' | 'contracts.amountNegative' | null {
  const fen = parseYuanToFen(text ?? '');
  if (fen === null) return 'contracts.amountInvalid';
  return fen < 0 ? 'contracts.amountNegative' : null;
}

export function formToContractInput(v: ContractFormValues) {
  return {
    ...(v.number.trim() ? { number: v.number.trim() } : {}),
    ...(v.staffId !== undefined ? { staffId: v.staffId } : {}),
    product: v.product.trim(),
    amountFen: parseYuanToFen(v.amountYuan) ?? -1,
    signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null,
    startsOn: v.service ? v.service[0].format('YYYY-MM-DD') : null,
    endsOn: v.service ? v.service[1].format('YYYY-MM-DD') : null,
    status: v.status,
    notes: v.notes.trim(),
  };
}
