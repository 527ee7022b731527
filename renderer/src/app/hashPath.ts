/** '#/staff/targets?x=1' → ['staff', 'targets']. Bad escapes are kept as typed. */
export function parseHash(hash: string): string[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

export function toHash(segments: readonly string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}
