// One MessageChannelMain per window: port1 to the services (`connect`), port2 to the window
// (relayed to the page by the preload). After that, main is out of the data path.
// Requests made while the services are down or still initialising wait and are served once they have
// reported initDone: a page never gets a port whose every call would answer "not initialised yet"
// (the main window loads during the services' start, and pages reconnect during a restart's init).
import { MessageChannelMain } from 'electron';
import type { MessagePortMain } from 'electron';
import type { MainToServices } from '../shared/host-protocol.ts';

export interface PortBrokerOptions {
  /** Posts to the services; false when they are not running. */
  postToServices: (message: MainToServices, transfer?: MessagePortMain[]) => boolean;
  /** Hands a port to a window (webContents.postMessage), tagged with the nonce its preload chose. */
  sendToWindow: (windowId: number, nonce: string, port: MessagePortMain) => void;
}

export class PortBroker {
  private readonly options: PortBrokerOptions;
  /** Windows connected to the current services process. */
  private readonly connected = new Set<number>();
  /** Windows waiting for the services, with the nonce of their latest request. */
  private readonly pending = new Map<number, string>();
  /** The current services process has initialised (initDone) and not stopped since. */
  private running = false;

  constructor(options: PortBrokerOptions) {
    this.options = options;
  }

  /** A window asked for a port (first load, reload, or after a services restart). */
  request(windowId: number, nonce: string): void {
    if (this.connected.has(windowId)) {
      // The page dropped its old port (reload, reconnect): the services forget that end first.
      this.options.postToServices({ type: 'disconnect', windowId });
      this.connected.delete(windowId);
    }
    if (!this.running || !this.connect(windowId, nonce)) this.pending.set(windowId, nonce);
  }

  /** The window closed. */
  forget(windowId: number): void {
    this.pending.delete(windowId);
    if (this.connected.delete(windowId)) this.options.postToServices({ type: 'disconnect', windowId });
  }

  /** The services process is gone: its ends of every channel died with it. */
  servicesStopped(): void {
    this.running = false;
    this.connected.clear();
  }

  /** The services are (back) up and initialised: serve the requests that waited. */
  servicesRunning(): void {
    this.running = true;
    for (const [windowId, nonce] of [...this.pending]) {
      if (this.connect(windowId, nonce)) this.pending.delete(windowId);
    }
  }

  isConnected(windowId: number): boolean {
    return this.connected.has(windowId);
  }

  private connect(windowId: number, nonce: string): boolean {
    const { port1, port2 } = new MessageChannelMain();
    if (!this.options.postToServices({ type: 'connect', windowId }, [port1])) {
      port1.close();
      port2.close();
      return false;
    }
    this.connected.add(windowId);
    this.options.sendToWindow(windowId, nonce, port2);
    return true;
  }
}
