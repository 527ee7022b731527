/**
 * 业绩确认: once a manager asks for it, each salesperson confirms their 个人业绩单 or disputes it
 * with a note; the manager answers a dispute (a reply, and maybe an adjustment); the person then
 * confirms or disputes again. A confirmation is of the figures shown at that moment: if they
 * change afterwards (a late payment, a share changed, a bonus added) it no longer counts and the
 * statement needs confirming again.
 */
export type ConfirmationState = 'pending' | 'confirmed' | 'disputed' | 'answered';
export type ConfirmationAction = 'confirm' | 'dispute' | 'answer';

/** What a person confirms: the figures of their statement (all fen). */
export type ConfirmedFigures = {
  salesFen: number;
  commissionFen: number;
  bonusFen: number;
  deductionFen: number;
  totalPayFen: number;
};

export function sameFigures(a: ConfirmedFigures | null, b: ConfirmedFigures): boolean {
  return (
    a !== null &&
    a.salesFen === b.salesFen &&
    a.commissionFen === b.commissionFen &&
    a.bonusFen === b.bonusFen &&
    a.deductionFen === b.deductionFen &&
    a.totalPayFen === b.totalPayFen
  );
}

export type TransitionRefusal = { code: 'conflict'; zh: string; en: string };

/**
 * The next state, or why the action is refused. `stale`: the person confirmed figures that have
 * since changed, so confirming (or disputing) again is allowed.
 */
export function nextConfirmationState(
  state: ConfirmationState,
  action: ConfirmationAction,
  stale: boolean,
): ConfirmationState | TransitionRefusal {
  if (action === 'answer') {
    return state === 'disputed'
      ? 'answered'
      : {
          code: 'conflict',
          zh: '这份业绩单没有待处理的异议。',
          en: 'This statement has no open dispute to answer.',
        };
  }
  if (state === 'confirmed' && !stale)
    return {
      code: 'conflict',
      zh: '你已确认这份业绩单;如有疑问,请联系经理。',
      en: 'You have already confirmed this statement; talk to your manager if something is wrong.',
    };
  return action === 'confirm' ? 'confirmed' : 'disputed';
}

export function isRefusal(value: ConfirmationState | TransitionRefusal): value is TransitionRefusal {
  return typeof value === 'object';
}

/** How 月结 sees a person: confirmed (and still current), disputed, or not (yet) confirmed. */
export type CloseStanding = 'confirmed' | 'disputed' | 'unconfirmed';

export function closeStanding(state: ConfirmationState, stale: boolean): CloseStanding {
  if (state === 'disputed') return 'disputed';
  return state === 'confirmed' && !stale ? 'confirmed' : 'unconfirmed';
}
