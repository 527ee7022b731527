import { toHash } from '../app/hashPath';

/** A client's name linking to their file (a real link: middle-click and keyboard work). */
export function ClientLink({ id, name }: { id: number; name: string }) {
  return <a href={toHash(['clients', String(id)])}>{name}</a>;
}
