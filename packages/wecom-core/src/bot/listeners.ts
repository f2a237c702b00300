// A small typed listener registry: on() returns the function that removes the listener; a throwing
// listener is reported to onListenerError and does not stop the others.
type AnyListener = (...args: never[]) => void;

export class Listeners<Events extends Record<string, unknown[]>> {
  private readonly map = new Map<keyof Events, Set<AnyListener>>();
  private readonly onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = () => {}) {
    this.onListenerError = onListenerError;
  }

  on<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): () => void {
    let set = this.map.get(event);
    if (!set) {
      set = new Set();
      this.map.set(event, set);
    }
    const stored = listener as unknown as AnyListener;
    set.add(stored);
    return () => set.delete(stored);
  }

  emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    for (const listener of [...(this.map.get(event) ?? [])]) {
      try {
        (listener as unknown as (...a: Events[K]) => void)(...args);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
