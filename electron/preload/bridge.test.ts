import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/contract';
import { createBridge, type BridgeIpc } from './bridge';
import { IPC_CHANNELS } from './channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 1 })) {
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn((channel: string, ...args: unknown[]) => answer(channel, args));
  const ipc: BridgeIpc = {
    invoke,
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (...args: unknown[]) => listeners.get(IPC_CHANNELS.event)?.forEach((l) => l({ sender: 'secret' }, ...args));
  return { ipc, invoke, emit, listenerCount: () => listeners.get(IPC_CHANNELS.event)?.size ?? 0 };
}

const known = (name: string) => Object.prototype.hasOwnProperty.call(contract, name);

describe('preload bridge', () => {
  it('forwards contract methods over office:call with {} for a missing input', async () => {
    const { ipc, invoke } = fakeIpc();
    const bridge = createBridge(ipc, known);
    await expect(bridge.call('staff.list')).resolves.toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith(IPC_CHANNELS.call, 'staff.list', {});
  });

  it('refuses names outside the contract without any IPC', async () => {
    const { ipc, invoke } = fakeIpc();
    const bridge = createBridge(ipc, known);
    for (const name of ['staff.drop', '__proto__', 'constructor', '']) {
      const answer = await bridge.call(name, {});
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('unknown_method');
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC into an unavailable envelope instead of a rejection', async () => {
    const { ipc } = fakeIpc(() => Promise.reject(new Error('An object could not be cloned')));
    const answer = await createBridge(ipc, known).call('staff.list', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('uses one channel per shell action', async () => {
    const { ipc, invoke } = fakeIpc();
    const bridge = createBridge(ipc, known);
    await bridge.print();
    await bridge.printToPdf('业绩表.pdf');
    await bridge.openFile(7);
    await bridge.revealFile(7);
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.print],
      [IPC_CHANNELS.printToPdf, '业绩表.pdf'],
      [IPC_CHANNELS.openFile, 7],
      [IPC_CHANNELS.revealFile, 7],
    ]);
  });

  it('delivers only the subscribed event, only its payload, until unsubscribed', () => {
    const { ipc, emit, listenerCount } = fakeIpc();
    const bridge = createBridge(ipc, known);
    const seen: unknown[][] = [];
    const stop = bridge.onEvent('job.progress', (...args) => seen.push(args));
    emit('job.progress', { done: 1, total: 3 });
    emit('data.changed', { table: 'clients' });
    expect(seen).toEqual([[{ done: 1, total: 3 }]]);
    stop();
    expect(listenerCount()).toBe(0);
    emit('job.progress', { done: 2, total: 3 });
    expect(seen).toHaveLength(1);
  });

  it('refuses to subscribe to events that do not exist', () => {
    const bridge = createBridge(fakeIpc().ipc, known);
    // @ts-expect-error — not an office event
    expect(() => bridge.onEvent('office:call', () => {})).toThrow(TypeError);
  });
});
