// Adapters from concrete message ports to the RPC's MessageEndpoint.
// Structural types only: neither DOM nor Electron types are imported, so this file type-checks and
// runs in the renderer, in Electron's utility process and under plain Node.
import type { MessageEndpoint } from './rpc-wire.ts';

interface MessageEventLike {
  data: unknown;
}

/**
 * DOM and Node declare the listener as taking a plain `Event`; at run time a 'message' listener
 * always receives a MessageEvent, which carries `data`.
 */
type PortListener = (event: Event) => void;

/** A browser MessagePort, or Node's worker_threads MessagePort (both are EventTargets). */
export interface DomPortLike {
  postMessage(data: unknown): void;
  addEventListener(type: 'message', listener: PortListener): void;
  removeEventListener(type: 'message', listener: PortListener): void;
  start?(): void;
  close(): void;
}

/** Electron's MessagePortMain (main and utility processes). */
export interface ElectronPortLike {
  postMessage(data: unknown): void;
  on(event: 'message', listener: (event: MessageEventLike) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off?(event: 'message' | 'close', listener: (event: MessageEventLike) => void): unknown;
  removeListener?(event: 'message' | 'close', listener: (event: MessageEventLike) => void): unknown;
  start(): void;
  close(): void;
}

export function fromDomPort(port: DomPortLike): MessageEndpoint {
  return {
    postMessage: (data) => port.postMessage(data),
    onMessage(handler) {
      const listener = (event: Event) => handler((event as unknown as MessageEventLike).data);
      port.addEventListener('message', listener);
      // A DOM port queues messages until started when listened to with addEventListener.
      port.start?.();
      return () => port.removeEventListener('message', listener);
    },
    close: () => port.close(),
  };
}

export function fromElectronPort(port: ElectronPortLike): MessageEndpoint {
  return {
    postMessage: (data) => port.postMessage(data),
    onMessage(handler) {
      const listener = (event: MessageEventLike) => handler(event.data);
      port.on('message', listener);
      // MessagePortMain delivers nothing until started.
      port.start();
      return () => {
        if (port.off) port.off('message', listener);
        else port.removeListener?.('message', listener);
      };
    },
    close: () => port.close(),
    onClose(handler) {
      const listener = () => handler();
      port.on('close', listener);
      return () => {
        if (port.off) port.off('close', listener);
        else port.removeListener?.('close', listener);
      };
    },
  };
}
