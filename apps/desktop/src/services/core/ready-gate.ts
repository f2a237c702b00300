// Handlers wait until init is done (or failed) before they run: a call that arrives earlier is held.
import type { HandlerContext, ServicesHandlers } from '../../shared/rpc.ts';

export interface ReadyGate {
  readonly ready: boolean;
  set(ready: boolean): void;
  wrap(handlers: ServicesHandlers): ServicesHandlers;
}

export function createReadyGate(): ReadyGate {
  let ready = false;
  let waiters: Array<() => void> = [];
  return {
    get ready() {
      return ready;
    },
    set(value) {
      ready = value;
      if (!value) return;
      const resumed = waiters;
      waiters = [];
      for (const resume of resumed) resume();
    },
    wrap(handlers) {
      type Handler = (input: unknown, c: HandlerContext) => unknown;
      const wrapped: Record<string, Handler> = {};
      for (const [name, handler] of Object.entries(handlers) as Array<[string, Handler]>) {
        wrapped[name] = (input, c) => {
          if (ready) return handler(input, c);
          return new Promise<void>((resolve) => waiters.push(resolve)).then(() => {
            c.markStarted(); // the wait for init was queue time
            return handler(input, c);
          });
        };
      }
      return wrapped as unknown as ServicesHandlers;
    },
  };
}
