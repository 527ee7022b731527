import { shell, type WebContents } from 'electron';
import { navigationVerdict, windowOpenVerdict } from './navigation';

/**
 * Applied to every web contents the app ever creates (from 'web-contents-created'), not just
 * the main window: the page never leaves our origin, never opens a window, never embeds a
 * <webview>; web links go to the system browser.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    const verdict = navigationVerdict(event.url);
    if (verdict === 'allow') return;
    event.preventDefault();
    if (verdict === 'external') void shell.openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (navigationVerdict(event.url) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenVerdict(url) === 'external') void shell.openExternal(url);
    return { action: 'deny' };
  });
}
