// The simulator does not serve the JS-SDK ticket endpoints, so a minimal WeCom stand-in (real HTTP,
// through the real pipeline) answers gettoken, get_jsapi_ticket and ticket/get here.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWeComClient, type WeComClient } from '../../src/client.ts';
import { WeComClientError } from '../../src/errors/errors.ts';

let server: Server;
let client: WeComClient;
let now = Date.UTC(2026, 0, 5, 2, 0, 0);
const hits: Record<string, number> = {};
let ticketErrcode = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    hits[url.pathname] = (hits[url.pathname] ?? 0) + 1;
    const send = (body: unknown) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/gettoken')
      return send({ errcode: 0, errmsg: 'ok', access_token: 'TOKEN', expires_in: 7200 });
    if (url.searchParams.get('access_token') !== 'TOKEN')
      return send({ errcode: 41001, errmsg: 'access_token missing' });
    if (ticketErrcode) return send({ errcode: ticketErrcode, errmsg: 'invalid ticket type, hint: [t1]' });
    const n = hits[url.pathname];
    if (url.pathname === '/cgi-bin/get_jsapi_ticket')
      return send({ errcode: 0, errmsg: 'ok', ticket: `corp-ticket-${n}`, expires_in: 7200 });
    if (url.pathname === '/cgi-bin/ticket/get' && url.searchParams.get('type') === 'agent_config') {
      return send({ errcode: 0, errmsg: 'ok', ticket: `agent-ticket-${n}`, expires_in: 7200 });
    }
    send({ errcode: 40035, errmsg: 'bad request' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = createWeComClient(
    {
      corpId: 'wwtest',
      apps: [{ name: 'desk', agentId: 1000002, secret: 's' }],
      baseUrl: `http://127.0.0.1:${port}`,
      retryDelayMs: 1,
    },
    { now: () => now },
  );
});

afterAll(async () => {
  await client?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('JS-SDK tickets', () => {
  it('fetches each kind of ticket once and reuses it while valid', async () => {
    const [a, b] = await Promise.all([client.jssdk.getTicket('corp'), client.jssdk.getTicket('corp')]);
    expect(a).toBe('corp-ticket-1');
    expect(b).toBe('corp-ticket-1');
    expect(await client.jssdk.getTicket('agent')).toBe('agent-ticket-1');
    now += 3600_000;
    expect(await client.jssdk.getTicket('corp')).toBe('corp-ticket-1');
    expect(hits['/cgi-bin/get_jsapi_ticket']).toBe(1);
    expect(hits['/cgi-bin/ticket/get']).toBe(1);
  });

  it('fetches a new ticket shortly before the old one expires', async () => {
    now += 3500_000; // 7100 s after the first fetch: inside the safety margin
    expect(await client.jssdk.getTicket('corp')).toBe('corp-ticket-2');
    expect(hits['/cgi-bin/get_jsapi_ticket']).toBe(2);
  });

  it('signs a page URL with the cached ticket', async () => {
    const signed = await client.jssdk.sign('https://desk.example.com/live?id=1#top', 'corp', {
      nonceStr: 'abc',
      timestamp: 1700000000,
    });
    const expected = createHash('sha1')
      .update(
        'jsapi_ticket=corp-ticket-2&noncestr=abc&timestamp=1700000000&url=https://desk.example.com/live?id=1',
      )
      .digest('hex');
    expect(signed).toEqual({
      signature: expected,
      nonceStr: 'abc',
      timestamp: 1700000000,
      url: 'https://desk.example.com/live?id=1',
    });
    expect(hits['/cgi-bin/get_jsapi_ticket']).toBe(2);
  });

  it('surfaces a ticket error as a typed error', async () => {
    ticketErrcode = 91040;
    try {
      const error = await client.jssdk.getTicket('agent', { force: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WeComClientError);
      expect((error as WeComClientError).errcode).toBe(91040);
      expect((error as WeComClientError).hint).toBe('t1');
    } finally {
      ticketErrcode = 0;
    }
  });
});
