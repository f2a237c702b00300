// Channel names and envelopes between the preload and main (ipcRenderer ↔ ipcMain).
// Type-only imports: the sandboxed preload must not pull zod or the contract schemas into its bundle.
import type { MainEvent, MainMethod } from './contract.ts';
import type { ServiceError } from './models.ts';

export const IPC = {
  /** invoke: { method, input } → InvokeResult */
  invoke: 'wld:invoke',
  /** invoke: event name → the event's current state (StickyEvent) or null */
  subscribe: 'wld:subscribe',
  /** send: { nonce } — the window asks for a services port */
  requestPort: 'wld:request-port',
  /** main → window (webContents.postMessage): { nonce } with the port in the transfer list */
  port: 'wld:port',
  /** main → window (webContents.send): EventEnvelope */
  event: 'wld:event',
} as const;

export interface InvokeRequest {
  method: MainMethod;
  input: unknown;
}

/** Errors cross the bridge as data: the preload turns them back into an Error with this message. */
/** A failed call carries a plain ServiceError (contextBridge keeps plain objects whole, not Errors). */
export type InvokeResult = { ok: true; output: unknown } | { ok: false; error: ServiceError };

/** Every event carries a sequence number so a replayed state never overrides a newer live event. */
export interface EventEnvelope {
  event: MainEvent;
  payload: unknown;
  seq: number;
}

export type StickyEvent = { payload: unknown; seq: number } | null;

/** All main events by name: the preload refuses to subscribe to anything else. */
export const MAIN_EVENT_NAMES = [
  'launcher.progress',
  'launcher.error',
  'launcher.firstRun',
  'services.state',
  'settings.changed',
] as const satisfies readonly MainEvent[];

/** Compile-time check that the list above names every event of the contract. */
type MissingEvents = Exclude<MainEvent, (typeof MAIN_EVENT_NAMES)[number]>;
export const everyMainEventListed: MissingEvents extends never ? true : never = true;
