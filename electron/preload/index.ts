// The sandboxed preload: bundled to dist/electron/preload.cjs (CommonJS — a sandboxed preload
// cannot be an ES module) by scripts/build-electron.mjs. It exposes exactly one object.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge';
import { METHOD_NAMES } from './method-names';

// Checked here as well as in main and dispatch, so a misspelled name fails without a round trip.
const known = new Set(METHOD_NAMES);

contextBridge.exposeInMainWorld(
  'officeBridge',
  // webUtils gives a dropped file's path (File.path is gone since Electron 32); filing then reads
  // it in the main process instead of sending the bytes through IPC.
  createBridge(
    ipcRenderer,
    (name) => known.has(name),
    (file) => webUtils.getPathForFile(file as File),
  ),
);
