// A stand-in for the parts of the 'electron' module electron/main uses, so the shell's wiring
// (IPC guards, file and print handlers, navigation, quit) is tested under plain Node: the real
// Electron binary cannot run on our CI machine. Tests mock 'electron' with `fake.electron`.
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;
type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export type FakeFrame = { url: string; parent: FakeFrame | null };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  constructor(readonly id: number) {
    super();
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  print(_options: unknown, callback: (success: boolean, reason: string) => void): void {
    callback(...state.printResult);
  }
  async printToPDF(): Promise<Buffer> {
    return Buffer.from('%PDF-1.7 fake');
  }
}

let nextId = 1;
const appEvents = new EventEmitter();

export class FakeBrowserWindow extends EventEmitter {
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return state.windows.find((w) => w.webContents === contents) ?? null;
  }
  readonly webContents = new FakeWebContents(nextId++);
  loadedUrl: string | null = null;
  constructor(readonly options: unknown) {
    super();
    state.windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {}
  focus(): void {}
}

export const state = {
  ipcHandlers: new Map<string, InvokeHandler>(),
  protocolHandler: null as ProtocolHandler | null,
  privilegedSchemes: [] as unknown[],
  windows: [] as FakeBrowserWindow[],
  opened: [] as string[],
  revealed: [] as string[],
  external: [] as string[],
  errorBoxes: [] as string[],
  quits: 0,
  exits: [] as number[],
  sandboxEnabled: false,
  menu: null as unknown,
  headersListener: null as Listener | null,
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  saveDialog: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  printResult: [true, ''] as [boolean, string],
  userData: '',
};

let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

export const fake = {
  state,
  appEvents,
  emitReady: () => markReady(),
  electron: {
    app: {
      requestSingleInstanceLock: () => true,
      quit: () => void state.quits++,
      exit: (code: number) => void state.exits.push(code),
      enableSandbox: () => void (state.sandboxEnabled = true),
      setAppUserModelId: () => {},
      on: (name: string, listener: (...args: unknown[]) => void) => appEvents.on(name, listener),
      whenReady: () => ready,
      getPath: (name: string) => `${state.userData}/${name}`,
      isPackaged: false,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privilegedSchemes.push(...schemes),
      handle: (_scheme: string, handler: ProtocolHandler) => void (state.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (listener: Listener) => void (state.headersListener = listener) },
        setPermissionRequestHandler: (handler: Listener) => void (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => void (state.permissionCheck = handler),
        setDevicePermissionHandler: () => {},
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void (state.menu = menu),
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showErrorBox: (title: string, body: string) => void state.errorBoxes.push(`${title}\n${body}`),
      showSaveDialog: async () => state.saveDialog,
    },
    ipcMain: { handle: (channel: string, handler: InvokeHandler) => void state.ipcHandlers.set(channel, handler) },
    shell: {
      openPath: async (file: string) => {
        state.opened.push(file);
        return '';
      },
      showItemInFolder: (file: string) => void state.revealed.push(file),
      openExternal: async (url: string) => void state.external.push(url),
    },
  },
};
