import { useContext } from 'react';
import { OfficeContext, type OfficeState } from './OfficeContext';

/** The office's settings, available everywhere inside the shell. */
export function useOffice(): OfficeState {
  const state = useContext(OfficeContext);
  if (!state) throw new Error('useOffice must be used inside the office shell');
  return state;
}
