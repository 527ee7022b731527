import { useQuery, type QueryState } from '../../../api/useQuery';
import type { StaffRow } from '../../../../../shared/contract/staff';

/** The staff list, optionally with people who have left. */
export function useStaffList(includeLeft: boolean): QueryState<StaffRow[]> {
  return useQuery('staff.list', { includeLeft });
}
