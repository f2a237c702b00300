// One instance of a long-lived part of the services (the bot host, the reminder runner) per
// services context: made on first use, dropped with the context.
import type { ServicesContext } from './context.ts';

export function onePerContext<T extends object>(create: (ctx: ServicesContext) => T): (ctx: ServicesContext) => T {
  const made = new WeakMap<ServicesContext, T>();
  return (ctx) => {
    let instance = made.get(ctx);
    if (!instance) {
      instance = create(ctx);
      made.set(ctx, instance);
    }
    return instance;
  };
}
