import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { amountProblem, emptyContractForm, formToContractInput } from './contractForm';

describe('contract form', () => {
  it('reads yuan as fen and the service period as two dates', () => {
    const input = formToContractInput({
      ...emptyContractForm(3),
      number: ' ',
      amountYuan: '¥3,600.50',
      signedOn: dayjs('2026-03-01'),
      service: [dayjs('2026-03-01'), dayjs('2027-02-28')],
    });
    expect(input).toEqual({
      product: '',
      amountFen: 360050,
      signedOn: '2026-03-01',
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
      status: 'signed',
      notes: '',
    });
  });
  it('explains a bad amount', () => {
    expect(amountProblem('三千')).toBe('contracts.amountInvalid');
    expect(amountProblem('-5')).toBe('contracts.amountNegative');
    expect(amountProblem('0')).toBeNull();
  });
});
