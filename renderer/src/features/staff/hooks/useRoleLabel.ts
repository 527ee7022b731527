import { useCallback } from 'react';
import { ROLE_LABELS, type Role } from '../../../../../shared/roles';
import { pick, useLanguage } from '../../../i18n';

/** A role's name in the UI language (店长 / Owner …). */
export function useRoleLabel(): (role: Role) => string {
  const { lang } = useLanguage();
  return useCallback((role: Role) => pick(ROLE_LABELS[role], lang), [lang]);
}
