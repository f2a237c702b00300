// Receives the services port the preload relays with window.postMessage.
// The port message may arrive before or after requestServicesPort() resolves with its nonce, so
// ports are buffered by nonce from the moment this module loads.
import type { DesktopBridge } from '../../shared/contract.ts';

const PORT_TIMEOUT_MS = 20_000;

const buffered = new Map<string, MessagePort>();
const waiting = new Map<string, (port: MessagePort) => void>();
let listening = false;

function isPortMessage(data: unknown): data is { type: 'wld:port'; nonce: string } {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return record.type === 'wld:port' && typeof record.nonce === 'string';
}

function onWindowMessage(event: MessageEvent): void {
  if (!isPortMessage(event.data)) return;
  // Only the page's own window (where the preload posts) may hand us a port.
  if (event.source !== null && event.source !== window) return;
  const port = event.ports[0];
  if (!port) return;
  const resolve = waiting.get(event.data.nonce);
  if (resolve) {
    waiting.delete(event.data.nonce);
    resolve(port);
  } else {
    buffered.set(event.data.nonce, port);
  }
}

export function listenForPorts(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('message', onWindowMessage);
}

function takePort(nonce: string): Promise<MessagePort> {
  const early = buffered.get(nonce);
  if (early) {
    buffered.delete(nonce);
    return Promise.resolve(early);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(nonce);
      reject(new Error('The services did not hand over their port in time.'));
    }, PORT_TIMEOUT_MS);
    waiting.set(nonce, (port) => {
      clearTimeout(timer);
      resolve(port);
    });
  });
}

/** Asks the bridge for a fresh services port and waits for it to arrive. */
export async function requestServicesPort(bridge: DesktopBridge): Promise<MessagePort> {
  listenForPorts();
  const nonce = await bridge.requestServicesPort();
  return takePort(nonce);
}

// Listen at once: a port posted before anyone asks is kept, not lost.
listenForPorts();
