import fs from 'node:fs';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * CI keeps only what the run prints, not test-results/. On a failure this prints what the page
 * showed (Playwright's error-context: the page's accessibility snapshot), so a failure seen only
 * in CI can be understood from its log.
 */
export default class FailureContextReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped') return;
    const context = result.attachments.find((a) => a.name === 'error-context');
    let text = context?.body?.toString('utf8') ?? '';
    if (!text && context?.path && fs.existsSync(context.path)) text = fs.readFileSync(context.path, 'utf8');
    // Only the page snapshot: the error itself is already printed by the list reporter.
    const snapshot = text.indexOf('```yaml');
    if (snapshot >= 0) text = text.slice(snapshot);
    if (!text) return;
    const shown = text.length > 6000 ? `${text.slice(0, 6000)}\n… (${text.length - 6000} more characters)` : text;
    console.log(`\n--- what the page showed when "${test.title}" failed ---\n${shown}\n--- end ---\n`);
  }
}
