// The browser host's door: its own Host names only, its own Origin, and the launch token that says
// which window a page is. (The attack suite in e2e/browser drives the same checks over real sockets.)
import { describe, expect, it } from 'vitest';
import { REFUSALS, SOCKET_PROTOCOL, TOKEN_PROTOCOL_PREFIX, allowedHosts, createHostGuard } from '../../browser-host/host-guard.ts';

const hosts = allowedHosts('127.0.0.1', 5174);
const guard = createHostGuard(hosts);
const own = 'http://127.0.0.1:5174';
const upgrade = (headers: Record<string, string>) => guard.checkUpgrade(headers);
const protocols = (token: string) => `${SOCKET_PROTOCOL}, ${TOKEN_PROTOCOL_PREFIX}${token}`;

describe('host guard', () => {
  it('answers to its loopback names on its port only', () => {
    expect(hosts).toEqual(['127.0.0.1:5174', 'localhost:5174', '[::1]:5174']);
    expect(guard.checkRequest({ host: '127.0.0.1:5174' })).toBeNull();
    expect(guard.checkRequest({ host: 'LOCALHOST:5174' })).toBeNull();
    for (const host of ['evil.example:5174', '127.0.0.1:5175', '127.0.0.1', '127.0.0.1.nip.io:5174', ''])
      expect(guard.checkRequest({ host }), host).toEqual(REFUSALS.host);
    expect(guard.checkRequest({})).toEqual(REFUSALS.host);
  });

  it('refuses a request that names another site as its Origin', () => {
    expect(guard.checkRequest({ host: '127.0.0.1:5174', origin: 'http://evil.example' })).toEqual(REFUSALS.origin);
    expect(guard.checkRequest({ host: '127.0.0.1:5174', origin: 'null' })).toEqual(REFUSALS.origin);
    expect(guard.checkRequest({ host: '127.0.0.1:5174', origin: own })).toBeNull();
  });

  it('tells the window from the token, and refuses a missing, wrong or foreign one', () => {
    const main = guard.tokenFor('main');
    const launcher = guard.tokenFor('launcher');
    expect(main).not.toBe(launcher);
    expect(main).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const base = { host: '127.0.0.1:5174', origin: own };
    expect(upgrade({ ...base, 'sec-websocket-protocol': protocols(main) })).toEqual({ kind: 'main' });
    expect(upgrade({ ...base, 'sec-websocket-protocol': protocols(launcher) })).toEqual({ kind: 'launcher' });
    expect(upgrade(base)).toEqual(REFUSALS.noToken);
    expect(upgrade({ ...base, 'sec-websocket-protocol': `${TOKEN_PROTOCOL_PREFIX}${main}` })).toEqual(REFUSALS.noToken);
    expect(upgrade({ ...base, 'sec-websocket-protocol': protocols(`${main}x`) })).toEqual(REFUSALS.badToken);
    expect(upgrade({ ...base, 'sec-websocket-protocol': protocols(createHostGuard(hosts).tokenFor('main')) })).toEqual(REFUSALS.badToken);
    expect(upgrade({ host: base.host, 'sec-websocket-protocol': protocols(main) })).toEqual(REFUSALS.noOrigin);
    expect(upgrade({ ...base, origin: 'http://evil.example', 'sec-websocket-protocol': protocols(main) })).toEqual(REFUSALS.origin);
  });

  it('says each refusal in both languages', () => {
    for (const refusal of Object.values(REFUSALS)) {
      expect(refusal.message).toMatch(/[\u4e00-\u9fff]/);
      expect(refusal.message).toMatch(/Refused: [a-z]/);
    }
  });
});
