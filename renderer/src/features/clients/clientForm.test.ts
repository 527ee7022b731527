import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { emptyClientForm, formToClientInput, normaliseYearly } from './clientForm';

describe('client form', () => {
  it('turns the form into the contract input, dropping empty phones', () => {
    const input = formToClientInput({
      ...emptyClientForm(dayjs('2026-03-10')),
      name: ' 华联超市 ',
      phones: ['', '138 0013 8000 ', ''],
      man: ['money', 'need'],
      birthday: '3月5日',
    });
    expect(input).toMatchObject({
      name: '华联超市',
      phones: ['138 0013 8000'],
      joinedOn: '2026-03-10',
      manMoney: true,
      manAuthority: false,
      manNeed: true,
      birthday: '03-05',
      anniversary: null,
    });
  });
  it('reads yearly dates as people type them', () => {
    expect(['3-5', '03/05', '1980年3月5日', '', 'x'].map(normaliseYearly)).toEqual(['03-05', '03-05', '1980-03-05', null, 'x']);
  });
});
