/**
 * Word 97–2003 (.doc, also what WPS saves as "Word 97-2003"): body, headers, footers, footnotes,
 * endnotes, comments and text boxes, through word-extractor (a maintained pure-JS reader of the
 * OLE compound file; no external program).
 */
export async function docText(abs: string): Promise<string[]> {
  const { default: WordExtractor } = await import('word-extractor');
  const doc = await new WordExtractor().extract(abs);
  return [
    doc.getBody(),
    doc.getHeaders({ includeFooters: false }),
    doc.getFooters(),
    doc.getFootnotes(),
    doc.getEndnotes(),
    doc.getAnnotations(),
    doc.getTextboxes({ includeHeadersAndFooters: true, includeBody: true }),
  ];
}
