import { Tag } from 'antd';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../../../shared/contract/contracts';
import { useLabel } from '../../../hooks/useLabel';

const COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  signed: 'blue',
  active: 'green',
  expired: 'orange',
  cancelled: 'default',
};

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const label = useLabel();
  return <Tag color={COLORS[status]}>{label(CONTRACT_STATUS_LABELS[status])}</Tag>;
}
