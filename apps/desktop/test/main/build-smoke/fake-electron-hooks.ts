// Node module hooks: `electron` (import or require) resolves to the test double, so the built
// main process can be loaded under plain Node where the Electron binary is missing.
import { registerHooks } from 'node:module';

const fake = new URL('./fake-electron-main.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: fake, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
