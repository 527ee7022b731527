import { useQuery } from '../../api/useQuery';
import { MyConfirmationCard } from './MyConfirmationCard';

/** Loads the salesperson's own statement for the month and shows their 业绩确认, if the month was put up for it. */
export function MyStatementConfirmation({
  month,
  staffId,
  onChanged,
}: {
  month: string;
  staffId: number;
  onChanged: () => void;
}) {
  const statement = useQuery('performance.statement', { month, staffId });
  if (!statement.data?.confirmation) return null;
  return (
    <MyConfirmationCard
      statement={statement.data}
      onChanged={() => {
        statement.refresh();
        onChanged();
      }}
    />
  );
}
