// The preload (sandboxed, CommonJS): exposes `window.wld` and nothing else — typed calls to main,
// event subscriptions without the IPC event object, and the relay of the services port.
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge, MainEvent, MainInput, MainMethod, MainOutput } from '../shared/contract.ts';
import { IPC, MAIN_EVENT_NAMES } from '../shared/ipc-channels.ts';
import type { EventEnvelope, InvokeResult, StickyEvent } from '../shared/ipc-channels.ts';

declare const __WLD_VERSION__: string;

interface Subscription {
  listener: (payload: never) => void;
  /** The newest event this listener saw: an older replayed state is dropped. */
  lastSeq: number;
}

const subscriptions = new Map<MainEvent, Set<Subscription>>();
/** Nonces this page asked for: a port is relayed only under one of them. */
const requestedNonces = new Set<string>();

function isMainEvent(name: unknown): name is MainEvent {
  return typeof name === 'string' && (MAIN_EVENT_NAMES as readonly string[]).includes(name);
}

function deliver(subscription: Subscription, payload: unknown, seq: number): void {
  if (seq <= subscription.lastSeq) return;
  subscription.lastSeq = seq;
  try {
    (subscription.listener as (payload: unknown) => void)(payload);
  } catch (error) {
    console.error('a main-event listener failed', error);
  }
}

ipcRenderer.on(IPC.event, (_event, envelope: EventEnvelope) => {
  if (!envelope || !isMainEvent(envelope.event) || typeof envelope.seq !== 'number') return;
  for (const subscription of [...(subscriptions.get(envelope.event) ?? [])]) {
    deliver(subscription, envelope.payload, envelope.seq);
  }
});

ipcRenderer.on(IPC.port, (event, message: { nonce?: unknown } | null) => {
  const nonce = message?.nonce;
  const port = event.ports[0];
  if (typeof nonce !== 'string' || !requestedNonces.has(nonce) || !port) return;
  // Posted to this page only (its own origin); the page matches the nonce it was given.
  window.postMessage({ type: 'wld:port', nonce }, location.origin, [port]);
});

const bridge: DesktopBridge = {
  version: __WLD_VERSION__,

  async invoke<M extends MainMethod>(method: M, input: MainInput<M>): Promise<MainOutput<M>> {
    const result = (await ipcRenderer.invoke(IPC.invoke, { method, input })) as InvokeResult;
    if (result.ok) return result.output as MainOutput<M>;
    // a plain object: contextBridge would strip an Error down to its message
    throw result.error;
  },

  subscribe(event, listener) {
    if (!isMainEvent(event)) throw new Error(`Unknown event "${String(event)}".`);
    if (typeof listener !== 'function') throw new Error('subscribe needs a listener function.');
    let set = subscriptions.get(event);
    if (!set) {
      set = new Set();
      subscriptions.set(event, set);
    }
    const subscription: Subscription = { listener, lastSeq: 0 };
    set.add(subscription);
    // Late subscribers learn the current state (launcher step, services state) at once.
    void (ipcRenderer.invoke(IPC.subscribe, event) as Promise<StickyEvent>).then(
      (sticky) => {
        if (sticky && set.has(subscription)) deliver(subscription, sticky.payload, sticky.seq);
      },
      () => {},
    );
    return () => {
      set.delete(subscription);
    };
  },

  async requestServicesPort(): Promise<string> {
    const nonce = crypto.randomUUID();
    requestedNonces.add(nonce);
    ipcRenderer.send(IPC.requestPort, { nonce });
    return nonce;
  },
};

contextBridge.exposeInMainWorld('wld', bridge);
