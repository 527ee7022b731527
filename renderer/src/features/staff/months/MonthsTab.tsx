import { useState } from 'react';
import { useCan } from '../../../app/permissions';
import { AllowancesCard } from './AllowancesCard';
import { CommissionSettingsCard } from './CommissionSettingsCard';
import { DismissalCases } from './DismissalCases';
import { MonthCloseCard } from './MonthCloseCard';

/** 月结与待辞退: close/reopen months, decide dismissals, and the rules and allowances behind pay. */
export function MonthsTab() {
  // Closing a month can create 待辞退 cases; bump to re-read them.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const seesDismissals = useCan('dismissals.list');
  const seesAllowances = useCan('allowances.list');
  return (
    <div className="months-tab">
      <MonthCloseCard onChanged={changed} />
      {seesDismissals && <DismissalCases version={version} onChanged={changed} />}
      <div className="perf-charts">
        <CommissionSettingsCard />
        {seesAllowances && <AllowancesCard />}
      </div>
    </div>
  );
}
