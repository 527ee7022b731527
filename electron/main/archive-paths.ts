import type { PlatformPath } from 'node:path';

/** True when `file` is `root` itself or lies below it (case rules of `p`'s platform). */
export function isInsideRoot(file: string, root: string, p: PlatformPath): boolean {
  const rel = p.relative(p.resolve(root), p.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}

/**
 * Opening a file hands it to the OS, which *runs* programs and scripts. Archived files are
 * documents and scans, so anything executable is only ever revealed in its folder, never run:
 * a file slipped into the archive must not become one click from code execution.
 */
const EXECUTABLE = new Set(
  (
    'exe com bat cmd msi msp msix appx scr pif cpl dll sys ps1 psm1 psd1 vbs vbe js jse mjs cjs wsf wsh wsc hta ' +
    'lnk url scf inf reg msc jar jnlp appref-ms application gadget chm iso img vhd vhdx ' +
    'sh bash zsh csh ksh command tool app run bin desktop appimage deb rpm pkg dmg py pyw pl rb php'
  ).split(' '),
);

export function isUnsafeToOpen(file: string, p: PlatformPath): boolean {
  // Windows ignores trailing dots and spaces ("a.exe." runs a.exe); a colon names an NTFS stream.
  const name = p.basename(file).replace(/[. ]+$/, '');
  if (name.includes(':')) return true;
  return EXECUTABLE.has(p.extname(name).toLowerCase().replace(/^\./, ''));
}
