// main's methods under thousands of generated payloads, answered as the browser host answers them
// (window rules, contract, the real settings store): no crash, no hang, nothing invalid accepted or
// saved, every refusal a sentence; the launcher is refused everything outside its few methods.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mainContract, type MainMethod } from '../../src/shared/contract.ts';
import { LAUNCHER_METHODS } from '../../src/shared/method-access.ts';
import { DEMO_PROFILE, settingsSchema } from '../../src/shared/settings.ts';
import { SettingsStore, memoryBackend } from '../../src/main/settings-store.ts';
import { createMainCalls } from '../../browser-host/main-calls.ts';
import { hostMainHandlers } from '../../browser-host/host-main-handlers.ts';
import { payloadsFor } from '../fuzz/hostile.ts';
import { isReadableSentence, problemsOf } from '../fuzz/oracle.ts';

const RUNS_PER_METHOD = 200;
const SEED = 4122026;

const corp = { id: 'acme', name: 'ACME', kind: 'corp', corpId: 'ww0123456789abcdef', apps: [{ name: 'live-desk', agentId: 1000002 }], hasContactsSecret: false };
const bases: Record<MainMethod, Record<string, unknown>> = {
  'app.info': {},
  'app.openLogFolder': {},
  'app.openExternal': { url: 'https://work.weixin.qq.com/wework_admin/frame' },
  'app.quit': {},
  'settings.get': {},
  'settings.update': {
    language: 'en-US',
    theme: 'dark',
    activeProfileId: 'demo',
    network: { baseUrl: 'https://gateway.example.com/wecom', gatewayHeaders: { 'x-api-key': 'k' }, proxyUrl: 'http://proxy.example:3128', timeoutMs: 5000 },
  },
  'profiles.save': corp,
  'profiles.remove': { id: 'acme' },
  'profiles.activate': { id: 'demo' },
  'launcher.retry': {},
  'launcher.continueOffline': {},
  'launcher.chooseDemo': {},
  'window.ready': {},
};

function startStore() {
  const quiet = () => {};
  const log = { debug: quiet, info: quiet, warn: quiet, error: quiet };
  const settings = new SettingsStore(memoryBackend({ profiles: [DEMO_PROFILE], activeProfileId: 'demo' }), log);
  const handlers = hostMainHandlers({ settings, userData: '/tmp/wld-fuzz', retry: () => {}, log: () => {} });
  return { settings, calls: createMainCalls(handlers, () => {}) };
}

describe('contract fuzz (main, through the browser host)', () => {
  it('has a valid base input for every method', () => {
    expect(Object.keys(bases).sort()).toEqual(Object.keys(mainContract).sort());
    for (const [method, input] of Object.entries(bases)) expect(mainContract[method as MainMethod].input.safeParse(input).success, method).toBe(true);
  });

  it('answers thousands of payloads from either window without accepting anything invalid', async () => {
    const { settings, calls } = startStore();
    const methods = Object.keys(mainContract) as MainMethod[];
    const problems: string[] = [];
    let total = 0;
    let refused = 0;
    for (const [index, method] of methods.entries()) {
      const payloads = fc.sample(payloadsFor(bases[method]), { numRuns: RUNS_PER_METHOD, seed: SEED + index });
      for (const input of payloads) {
        for (const kind of ['main', 'launcher'] as const) {
          total++;
          const shown = `${kind} ${method} ${JSON.stringify(input)?.slice(0, 160)}`;
          const result = await Promise.race([
            calls.invoke(kind, method, input),
            new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 5_000).unref()),
          ]);
          if (result === 'hang') {
            problems.push(`hang: ${shown}`);
            continue;
          }
          const allowed = kind === 'main' ? !method.startsWith('launcher.') : LAUNCHER_METHODS.has(method);
          if (!allowed) {
            if (result.ok || result.error.code !== 'FORBIDDEN') problems.push(`not refused for the ${kind} window: ${shown}`);
            continue;
          }
          if (!result.ok) {
            refused++;
            if (result.error.code === 'INTERNAL') problems.push(`crash: ${shown}`);
            if (!isReadableSentence(result.error.message)) problems.push(`unreadable: ${shown} → ${result.error.message.slice(0, 160)}`);
            continue;
          }
          for (const problem of problemsOf(input)) problems.push(`accepted invalid: ${shown}: ${problem}`);
        }
      }
      // whatever was accepted, what is stored is still valid settings
      const stored = settingsSchema.safeParse(settings.get());
      if (!stored.success) problems.push(`stored settings invalid after ${method}`);
    }
    console.info(`contract fuzz (main): ${total} calls over ${methods.length} methods, ${refused} refused`);
    expect(total).toBe(methods.length * RUNS_PER_METHOD * 2);
    expect(problems).toEqual([]);
  }, 120_000);
});
