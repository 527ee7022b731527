// The sandboxed preload: bundled to dist/electron/preload.cjs (CommonJS — a sandboxed preload
// cannot be an ES module) by scripts/build-electron.mjs. It exposes exactly one object.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { METHOD_NAMES } from './method-names';

// Checked here as well as in main and dispatch, so a misspelled name fails without a round trip.
const known = new Set(METHOD_NAMES);

contextBridge.exposeInMainWorld(
  'officeBridge',
  createBridge(ipcRenderer, (name) => known.has(name)),
);
