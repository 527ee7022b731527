import type { AppliedPolicy } from '../../../../../shared/performance/performance-types';
import { pick, useT } from '../../../i18n';
import type { Lang } from '../../../i18n/types';

/** The defaults the office chose where the manual is silent, printed so nobody has to guess. */
export function PolicyNotes({ policies, lang }: { policies: readonly AppliedPolicy[]; lang: Lang }) {
  const t = useT();
  if (policies.length === 0) return null;
  return (
    <section className="print-notes" data-testid="policy-notes">
      <h2>{t('perf.policies')}</h2>
      <ol>
        {policies.map((p) => (
          <li key={p.key}>{pick(p, lang)}</li>
        ))}
      </ol>
    </section>
  );
}
