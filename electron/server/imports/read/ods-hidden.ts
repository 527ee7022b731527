import { inflateEntry, type ZipEntry } from './zip';
import { attr } from './xml-text';

/**
 * Names of the hidden tables of an .ods. SheetJS does not read ODS sheet visibility, so a
 * hidden first sheet would be taken as the visible one (issue 16.5). ODF hides a table through
 * its automatic table style: `<style:table-properties table:display="false"/>`. content.xml's
 * size was already checked against the limits (verifyAllEntries) before this reads it.
 */
export function odsHiddenTables(bytes: Buffer, entries: Map<string, ZipEntry>, fileName: string): Set<string> {
  const entry = entries.get('content.xml');
  if (!entry) return new Set();
  const xml = inflateEntry(bytes, entry, fileName).toString('utf8');
  const hiddenStyles = new Set<string>();
  // Table styles live before the body: only that part is searched for them.
  const bodyAt = xml.indexOf('<office:body');
  const styles = bodyAt < 0 ? xml : xml.slice(0, bodyAt);
  for (const m of styles.matchAll(/<style:style\b[^>]*>/g)) {
    const open = m[0];
    // A self-closing style has no properties (and must not borrow the next style's).
    if (open.endsWith('/>') || attr(open, 'style:family') !== 'table') continue;
    const end = styles.indexOf('</style:style>', m.index);
    const props = /<style:table-properties\b[^>]*>/.exec(styles.slice(m.index, end < 0 ? undefined : end))?.[0];
    const name = attr(open, 'style:name');
    if (name && props && attr(props, 'table:display') === 'false') hiddenStyles.add(name);
  }
  const hidden = new Set<string>();
  if (hiddenStyles.size === 0) return hidden;
  for (const m of xml.slice(Math.max(0, bodyAt)).matchAll(/<table:table\s[^>]*>/g)) {
    const style = attr(m[0], 'table:style-name');
    const name = attr(m[0], 'table:name');
    if (style && name && hiddenStyles.has(style)) hidden.add(name);
  }
  return hidden;
}
