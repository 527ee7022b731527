import { useEffect, useState } from 'react';
import { call } from '../../../api/client';

/**
 * The owners who can sign in (have a password), once sign-in is on — for the staff table's
 * 离职 button, which the server refuses for the last of them (staff-policy.ts assertOwnerRemains).
 * Null when that is not known here: the viewer may not read accounts (only an owner may, and only
 * an owner may mark an owner 离职), sign-in is off, or the answer has not come yet. `version`
 * re-reads it (pass the staff list, so a change there is seen).
 */
export function useSignInOwners(enabled: boolean, version: unknown): ReadonlySet<number> | null {
  const [owners, setOwners] = useState<ReadonlySet<number> | null>(null);
  useEffect(() => {
    if (!enabled) {
      setOwners(null);
      return;
    }
    let current = true;
    call('auth.accounts', {}).then(
      (rows) => {
        if (!current) return;
        const signInOn = rows.some((r) => r.hasPassword);
        setOwners(signInOn ? new Set(rows.filter((r) => r.role === 'owner' && r.hasPassword).map((r) => r.staffId)) : null);
      },
      // Not readable now (signed out meanwhile): the server still refuses what it must.
      () => current && setOwners(null),
    );
    return () => {
      current = false;
    };
  }, [enabled, version]);
  return owners;
}
