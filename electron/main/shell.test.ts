// The shell's wiring, end to end under plain Node with 'electron' replaced by a fake: the real
// Electron binary cannot run here, so this is how index.ts, the IPC handlers and the guards are
// exercised against a real office (temp data folder, real SQLite, real files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../preload/channels';
import { resolveArchiveRoot } from '../server/settings/settings.service';
import { openOffice } from '../server/office';
import { fake, type FakeBrowserWindow, type FakeFrame } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fake.electron);

const { state } = fake;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-shell-'));
const dataDir = path.join(tmp, 'data');
const archive = resolveArchiveRoot(dataDir, undefined);
let window: FakeBrowserWindow;

type Envelope = { ok: boolean; value?: unknown; error?: { code: string } };
const top = (url = 'app://office/index.html'): FakeFrame => ({ url, parent: null });

function invoke(channel: string, args: unknown[], from: { sender?: unknown; frame?: FakeFrame | null } = {}) {
  const handler = state.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = { sender: from.sender ?? window.webContents, senderFrame: from.frame === undefined ? top() : from.frame };
  return Promise.resolve(handler(event, ...args)) as Promise<Envelope>;
}

beforeAll(async () => {
  process.env.OFFICE_DATA = dataDir;
  state.userData = path.join(tmp, 'userData');
  await import('./index');
  expect(state.privilegedSchemes).toHaveLength(1); // before ready, as Electron requires
  fake.emitReady();
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  window = state.windows[0]!;
});

afterAll(() => {
  delete process.env.OFFICE_DATA;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('start-up', () => {
  it('opens one sandboxed window on the app origin with the preload bundle', () => {
    expect(state.sandboxEnabled).toBe(true);
    expect(window.loadedUrl).toBe('app://office/index.html');
    const options = window.options as { webPreferences: { preload: string; sandbox: boolean } };
    expect(options.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(options.webPreferences.sandbox).toBe(true);
    expect(state.menu).not.toBeNull();
    expect(state.errorBoxes).toEqual([]);
  });

  it('opens the office in OFFICE_DATA', () => {
    expect(fs.existsSync(path.join(dataDir, 'office.db'))).toBe(true);
  });
});

describe('office:call', () => {
  it('answers our page as the local owner over IPC', async () => {
    const answer = await invoke(IPC_CHANNELS.call, ['system.info', {}]);
    expect(answer).toMatchObject({ ok: true, value: { actor: { role: 'owner', code: 'local', via: 'ipc' } } });
  });

  it('passes unknown names to dispatch, which refuses them', async () => {
    expect(await invoke(IPC_CHANNELS.call, ['staff.drop', {}])).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await invoke(IPC_CHANNELS.call, [{ not: 'a name' }, {}])).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('refuses iframes, other origins, vanished frames and other web contents', async () => {
    const refused = [
      { frame: { url: 'app://office/index.html', parent: top() } },
      { frame: top('https://evil.example/') },
      { frame: top('file:///tmp/x.html') },
      { frame: null },
      { sender: { id: 999 } },
    ];
    for (const from of refused) {
      expect(await invoke(IPC_CHANNELS.call, ['system.info', {}], from)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});

describe('open / reveal archive files (by document id, through the gate)', () => {
  const ids: Record<string, number> = {};
  const file = async (name: string, body: string, fields: Record<string, unknown> = {}) => {
    const source = path.join(tmp, name);
    fs.writeFileSync(source, body);
    const answer = await invoke(IPC_CHANNELS.call, ['archive.fileLocal', { sourcePath: source, fields }]);
    expect(answer, name).toMatchObject({ ok: true, value: { outcome: 'filed' } });
    return (answer.value as { document: { id: number; relPath: string } }).document;
  };
  beforeAll(async () => {
    ids.contract = (await file('合同.pdf', '%PDF contract')).id;
    ids.program = (await file('setup.exe', 'MZ program')).id;
    ids.gone = (await file('丢失.pdf', '%PDF gone')).id;
    ids.linked = (await file('链接.pdf', '%PDF linked')).id;
  });

  it('opens and reveals a document the window may see', async () => {
    expect(await invoke(IPC_CHANNELS.openFile, [ids.contract])).toEqual({ ok: true, value: null });
    expect(await invoke(IPC_CHANNELS.revealFile, [ids.contract])).toEqual({ ok: true, value: null });
    expect(state.opened).toHaveLength(1);
    expect(state.opened[0]).toMatch(/合同\.pdf$/);
    expect(fs.realpathSync(state.opened[0]!).startsWith(fs.realpathSync(archive))).toBe(true);
    expect(state.revealed).toEqual(state.opened);
  });

  it('takes only a document id: paths, names and junk are invalid input', async () => {
    for (const requested of ['../office.db', '协议合同/2026/合同.pdf', path.join(tmp, '合同.pdf'), '', 1.5, null, { id: 1 }]) {
      expect(await invoke(IPC_CHANNELS.openFile, [requested]), String(requested)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await invoke(IPC_CHANNELS.openFile, [999_999])).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('never runs a program, reports a missing file, refuses a link out and an untrusted page', async () => {
    expect(await invoke(IPC_CHANNELS.openFile, [ids.program])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const gone = await invoke(IPC_CHANNELS.call, ['archive.get', { id: ids.gone }]);
    fs.rmSync(path.join(archive, (gone.value as { relPath: string }).relPath));
    expect(await invoke(IPC_CHANNELS.openFile, [ids.gone])).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const linked = await invoke(IPC_CHANNELS.call, ['archive.get', { id: ids.linked }]);
    const where = path.join(archive, (linked.value as { relPath: string }).relPath);
    fs.writeFileSync(path.join(tmp, 'outside.pdf'), '%PDF outside');
    fs.rmSync(where);
    let linkMade = true;
    try {
      fs.symlinkSync(path.join(tmp, 'outside.pdf'), where);
    } catch {
      linkMade = false; // Windows without the symlink privilege: not exercised there.
    }
    if (linkMade) expect((await invoke(IPC_CHANNELS.openFile, [ids.linked])).ok).toBe(false);
    expect(await invoke(IPC_CHANNELS.openFile, [ids.contract], { frame: top('https://evil.example/') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(state.opened).toHaveLength(1);
  });

  it("once sign-in is on, answers as the window's session: nobody before signing in, a salesperson only their own", async () => {
    // Passwords are set beside the app, as `office user password` does (the CLI acts as the owner).
    const side = openOffice({ dataDir });
    try {
      const cli = { staffId: null, code: 'cli', name: 'cli', role: 'owner' as const, via: 'cli' as const };
      for (const [code, role] of [
        ['B001', 'owner'],
        ['S001', 'salesperson'],
      ] as const) {
        const created = await side.call(cli, 'staff.create', { code, name: code, role, hiredOn: '2025-01-01', baseSalaryFen: 1 });
        expect(created, code).toMatchObject({ ok: true });
        const staffId = (created as { value: { id: number } }).value.id;
        expect(await side.call(cli, 'auth.setPassword', { staffId, password: `${code}pass2026` }), code).toMatchObject({
          ok: true,
        });
      }
    } finally {
      await side.close();
    }
    expect(await invoke(IPC_CHANNELS.openFile, [ids.contract])).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await invoke(IPC_CHANNELS.call, ['auth.login', { code: 'S001', password: 'S001pass2026' }])).toMatchObject({
      ok: true,
    });
    expect(await invoke(IPC_CHANNELS.openFile, [ids.contract])).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await invoke(IPC_CHANNELS.revealFile, [ids.contract])).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(state.opened).toHaveLength(1);
    expect(state.revealed).toHaveLength(1);
  });
});

describe('print', () => {
  it('saves an A4 PDF where the user chose, and nothing when they cancel', async () => {
    const target = path.join(tmp, '业绩表.pdf');
    state.saveDialog = { canceled: false, filePath: target };
    expect(await invoke(IPC_CHANNELS.printToPdf, ['2026-03 月度业绩表'])).toEqual({
      ok: true,
      value: { saved: true, path: target },
    });
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^%PDF/);
    state.saveDialog = { canceled: true, filePath: '' };
    expect(await invoke(IPC_CHANNELS.printToPdf, ['x'])).toEqual({ ok: true, value: { saved: false, path: null } });
  });

  it('reports printed, cancelled and failed prints', async () => {
    state.printResult = [true, ''];
    expect(await invoke(IPC_CHANNELS.print, [])).toEqual({ ok: true, value: { printed: true } });
    state.printResult = [false, 'cancelled'];
    expect(await invoke(IPC_CHANNELS.print, [])).toEqual({ ok: true, value: { printed: false } });
    state.printResult = [false, 'Print job failed'];
    expect(await invoke(IPC_CHANNELS.print, [])).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('navigation and session guards', () => {
  const navigate = (url: string) => {
    let prevented = false;
    window.webContents.emit('will-navigate', { url, preventDefault: () => (prevented = true) });
    return prevented;
  };

  it('stays on the app origin and hands web links to the system browser', () => {
    expect(navigate('app://office/index.html#/staff')).toBe(false);
    expect(navigate('https://example.com/help')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler?.({ url: 'app://office/index.html' })).toEqual({ action: 'deny' });
    expect(state.external).toEqual(['https://example.com/help', 'https://example.com/a']);
  });

  it('adds the CSP to HTTP responses and denies permissions', () => {
    let headers: Record<string, string[]> = {};
    const listener = state.headersListener as unknown as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    let granted: boolean | null = null;
    const request = state.permissionRequest as unknown as (wc: unknown, p: string, cb: (g: boolean) => void, d: unknown) => void;
    request({}, 'media', (g) => (granted = g), { requestingUrl: 'app://office/index.html' });
    expect(granted).toBe(false);
  });
});

describe('the app:// protocol', () => {
  it('serves the built renderer with its CSP and refuses what is not there', async () => {
    const renderer = path.join(tmp, 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>门店通</title>');
    fs.writeFileSync(path.join(renderer, 'assets', 'a.js'), 'export {}');
    const { serveRenderer } = await import('./app-protocol-handler');
    serveRenderer(renderer);
    const get = (url: string, method = 'GET') => state.protocolHandler!(new Request(url, { method }));

    const page = await get('app://office/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('门店通');
    expect((await get('app://office/assets/a.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://office/missing.js')).status).toBe(404);
    expect((await get('app://office/assets')).status).toBe(404);
    expect((await get('app://office/..%2f..%2fdata/office.db')).status).toBe(404);
    expect((await get('app://office/index.html', 'POST')).status).toBe(405);
  });
});

describe('quit', () => {
  it('closes the database before letting the app quit', async () => {
    let prevented = false;
    fake.appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(state.quits).toBe(1));
    // A second will-quit (from that quit) goes through.
    prevented = false;
    fake.appEvents.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });
});
