import { Segmented } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { ImportPanel } from './ImportPanel';

/** 员工与指标 › 导入 (managers and the owner): 员工名单 or 月度指标, from a file or a template. */
export function StaffPlansImport() {
  const t = useT();
  const [kind, setKind] = useState<'staff' | 'plans'>('staff');
  return (
    <>
      <Segmented
        className="import-kind"
        value={kind}
        onChange={(v) => setKind(v as 'staff' | 'plans')}
        options={[
          { value: 'staff', label: t('imports.staff') },
          { value: 'plans', label: t('imports.plans') },
        ]}
      />
      <ImportPanel
        key={kind}
        method={kind === 'staff' ? 'staff.import' : 'plans.import'}
        hint={t(kind === 'staff' ? 'imports.staffHint' : 'imports.plansHint')}
      />
    </>
  );
}
