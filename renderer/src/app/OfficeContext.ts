import { createContext } from 'react';
import type { OfficeSettings } from '../../../shared/contract/settings';

export type OfficeState = {
  settings: OfficeSettings;
  /** Replace the settings after a successful settings.* call (no extra round trip). */
  setSettings: (settings: OfficeSettings) => void;
};

export const OfficeContext = createContext<OfficeState | null>(null);
