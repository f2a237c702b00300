// What every part of the fake Electron shares: the timeline of what happened, the app's readiness,
// and preventable events.
/** The order things happened in, across every fake: 'window:create launcher.html', 'fork', … */
export const timeline: string[] = [];

export function record(entry: string): void {
  timeline.push(entry);
}

/** The fake app's `ready` (app.whenReady() sets it). */
export const readiness = { ready: false };

/** What Electron throws when an API that needs a ready app is used before `ready`. */
export function requireReady(what: string): void {
  if (!readiness.ready) throw new Error(`${what} cannot be used before the app is ready`);
}

/** A preventable Electron event object. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault: () => void (event.defaultPrevented = true),
  };
  return event;
}
