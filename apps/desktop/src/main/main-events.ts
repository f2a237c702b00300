// Events from main to windows (mainEvents), each validated, numbered, and — for state-like events —
// remembered, so a page that subscribes late still learns the current state (see IPC.subscribe).
import type { z } from 'zod';
import { mainEvents } from '../shared/contract.ts';
import type { MainEvent, MainEvents } from '../shared/contract.ts';
import { IPC } from '../shared/ipc-channels.ts';
import type { EventEnvelope, StickyEvent } from '../shared/ipc-channels.ts';
import type { TrackedWindow, WindowRegistry } from './window-registry.ts';

export type MainEventPayload<E extends MainEvent> = z.infer<MainEvents[E]>;

const LAUNCHER_EVENTS: ReadonlySet<MainEvent> = new Set([
  'launcher.progress',
  'launcher.error',
  'launcher.firstRun',
]);

export class MainEventChannel {
  private readonly windows: WindowRegistry;
  private seq = 0;
  /** Per window: its latest launcher event (progress, error or first run: only the newest is the state). */
  private readonly launcherState = new Map<number, EventEnvelope>();
  private servicesState: EventEnvelope | null = null;

  constructor(windows: WindowRegistry) {
    this.windows = windows;
    windows.onClosed((tracked) => this.launcherState.delete(tracked.id));
  }

  send<E extends MainEvent>(target: TrackedWindow, event: E, payload: MainEventPayload<E>): void {
    const envelope = this.envelope(event, payload);
    if (LAUNCHER_EVENTS.has(event)) this.launcherState.set(target.id, envelope);
    deliver(target, envelope);
  }

  broadcast<E extends MainEvent>(event: E, payload: MainEventPayload<E>): void {
    const envelope = this.envelope(event, payload);
    if (event === 'services.state') this.servicesState = envelope;
    for (const target of this.windows.all()) deliver(target, envelope);
  }

  /** The current state of a state-like event for this window, or null. */
  sticky(target: TrackedWindow, event: MainEvent): StickyEvent {
    const envelope = event === 'services.state' ? this.servicesState : this.launcherState.get(target.id);
    if (!envelope || envelope.event !== event) return null;
    return { payload: envelope.payload, seq: envelope.seq };
  }

  private envelope<E extends MainEvent>(event: E, payload: MainEventPayload<E>): EventEnvelope {
    // Our own bug, not the page's: a payload that breaks the contract must not leave main.
    const checked = mainEvents[event].parse(payload);
    this.seq += 1;
    return { event, payload: checked, seq: this.seq };
  }
}

function deliver(target: TrackedWindow, envelope: EventEnvelope): void {
  const contents = target.window.webContents;
  if (target.window.isDestroyed() || contents.isDestroyed()) return;
  contents.send(IPC.event, envelope);
}
