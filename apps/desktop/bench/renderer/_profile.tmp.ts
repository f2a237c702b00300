import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startSimulator } from '@wld/wecom-sim';
import { startBrowserHost } from '../../browser-host/host.ts';
import type { Profile } from '../../src/shared/settings.ts';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');
const users = Number(process.argv[2] ?? 1000);
const sim = await startSimulator({ seed: 11, size: { users, departments: Math.max(20, Math.round(users / 100)), lives: 6, maxViewers: 50 } });
const app = sim.apps[0]!;
const profile: Profile = { id: 'bench', name: 'Bench', kind: 'corp', corpId: sim.corpId, apps: [{ name: app.name, agentId: app.agentId }], hasContactsSecret: true, environment: 'test' };
const host = await startBrowserHost({
  rendererDir,
  userData: mkdtempSync(join(tmpdir(), 'wld-bench-renderer-')),
  initialSettings: { profiles: [profile], activeProfileId: profile.id, network: { baseUrl: sim.url, gatewayHeaders: {}, proxyUrl: '', timeoutMs: 10_000, maxRetries: 2, retryDelayMs: 200, cacheEnabled: true, cacheTtlSeconds: 3600 } },
  services: { keychain: 'memory', presetSecrets: { [`bench/${app.name}`]: app.secret, 'bench/contacts': sim.contactsSecret } },
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${host.url}/index.html#/org`);
await page.getByTestId('users-total').filter({ hasText: /\d/ }).waitFor({ timeout: 240_000 });
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const queries = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '工程师', '经理', '专员', 'wang', 'li', 'zhang', 'liu', 'chen'];
const search = page.getByTestId('users-search');
for (const q of queries.slice(0, 4)) { const b = await page.evaluate(() => performance.getEntriesByName('wld:table-query-to-rows').length); await search.fill(q); await page.waitForFunction((n) => performance.getEntriesByName('wld:table-query-to-rows').length > n, b); }
await page.evaluate(() => performance.clearMeasures());
await cdp.send('Profiler.start');
for (const q of queries.slice(4)) { const b = await page.evaluate(() => performance.getEntriesByName('wld:table-query-to-rows').length); await search.fill(q); await page.waitForFunction((n) => performance.getEntriesByName('wld:table-query-to-rows').length > n, b); }
const { profile: prof } = await cdp.send('Profiler.stop');
const entries = await page.evaluate(() => ({
  q: performance.getEntriesByName('wld:table-query-to-rows').map((e) => [e.startTime, e.duration]),
  f: performance.getEntriesByName('wld:table-fetch').map((e) => [e.startTime, e.duration]),
}));
for (const [s, d] of entries.q) {
  const f = entries.f.find(([fs]) => fs >= s && fs <= s + d);
  console.log(`query ${d.toFixed(1)}  beforeFetch ${f ? (f[0] - s).toFixed(1) : '-'}  fetch ${f ? f[1].toFixed(1) : '-'}  afterFetch ${f ? (s + d - f[0] - f[1]).toFixed(1) : '-'}`);
}
writeFileSync('/tmp/wldperf/profile.cpuprofile', JSON.stringify(prof));
// self time per function
const self = new Map<string, number>();
const dt = new Map<number, number>();
const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
for (let i = 0; i < prof.samples!.length; i++) dt.set(prof.samples![i]!, (dt.get(prof.samples![i]!) ?? 0) + (prof.timeDeltas![i] ?? 0));
for (const [id, t] of dt) { const n = nodes.get(id)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(k, (self.get(k) ?? 0) + t / 1000); }
const byFile = new Map<string, number>();
for (const [id, t] of dt) { const n = nodes.get(id)!; const k = n.callFrame.url.split('/').pop() || n.callFrame.functionName; byFile.set(k, (byFile.get(k) ?? 0) + t / 1000); }
console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
console.log('---');
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
await browser.close(); await host.close(); await sim.close();
process.exit(0);
