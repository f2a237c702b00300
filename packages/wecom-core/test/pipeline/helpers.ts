// Shared fixtures for the pipeline tests: the simulator, a config for it, clocks, and small HTTP
// middlemen (a forward proxy and a compressing API gateway) that count what passes through.
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { startSimulator } from '@wld/wecom-sim';
import type { SimOptions, SimServer } from '@wld/wecom-sim';
import { parseConfig } from '../../src/config.ts';
import type { WeComConfig, WeComConfigInput } from '../../src/config.ts';
import { createPipeline } from '../../src/http/pipeline.ts';
import type { ApiPipeline, PipelineOptions } from '../../src/http/pipeline.ts';

export type { SimServer };

export const USER_GET = '/cgi-bin/user/get';
export const DEPARTMENT_LIST = '/cgi-bin/department/list';
export const TAG_LIST = '/cgi-bin/tag/list';
export const GETTOKEN = '/cgi-bin/gettoken';

/** The user/get answer, loosely: what the pipeline tests need to see. */
export const userSchema = z.looseObject({ errcode: z.literal(0), userid: z.string(), name: z.string() });
export const departmentListSchema = z.looseObject({
  errcode: z.literal(0),
  department: z.array(z.looseObject({ id: z.number(), name: z.string() })),
});
export const tagListSchema = z.looseObject({ errcode: z.literal(0), taglist: z.array(z.looseObject({ tagid: z.number() })) });

export function startSim(options: SimOptions = {}): Promise<SimServer> {
  return startSimulator({ seed: 7, size: { users: 60, departments: 8, tags: 3, lives: 4, maxViewers: 20 }, ...options });
}

export function configFor(sim: SimServer, overrides: Partial<WeComConfigInput> = {}): WeComConfig {
  return parseConfig({
    corpId: sim.corpId,
    apps: sim.apps.map((app) => ({ name: app.name, agentId: app.agentId, secret: app.secret })),
    contactsSecret: sim.contactsSecret,
    baseUrl: sim.url,
    retryDelayMs: 5,
    maxRetryDelayMs: 50,
    timeoutMs: 5000,
    ...overrides,
  });
}

export function pipelineFor(sim: SimServer, overrides: Partial<WeComConfigInput> = {}, options: PipelineOptions = {}): ApiPipeline {
  return createPipeline(configFor(sim, overrides), options);
}

/** A userid that exists in the simulated organisation. */
export function someUserId(sim: SimServer, index = 0): string {
  const users = [...sim.state.users.values()];
  const user = users[index % users.length];
  if (!user) throw new Error('the simulator has no users');
  return user.userid;
}

export function getUser(pipeline: ApiPipeline, userid: string, extra: Record<string, unknown> = {}): Promise<z.infer<typeof userSchema>> {
  return pipeline.call({ method: 'GET', path: USER_GET, query: { userid }, schema: userSchema, ...extra });
}

/** A clock the test moves by hand; sleeps are real (and short in these tests). */
export function manualClock(start = Date.now()): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** Time that runs `factor` times faster than the wall clock: a 60 s window passes in 60/factor s. */
export function scaledClock(factor: number): { now: () => number; sleep: (ms: number, signal?: AbortSignal) => Promise<void> } {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * factor,
    sleep: (ms, signal) => delay(Math.max(0, ms) / factor, undefined, signal ? { signal } : undefined),
  };
}

export interface Middleman {
  url: string;
  /** Requests seen, in order: method and path (absolute-form for a forward proxy). */
  seen: { method: string; url: string; headers: IncomingMessage['headers']; at: number }[];
  tunnels: number;
  /** Answers the gateway compressed. */
  compressed: number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

type BodyTransform = (body: Buffer, headers: Record<string, string | string[] | undefined>) => Buffer;

function forward(target: URL, req: IncomingMessage, res: ServerResponse, transform?: BodyTransform): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path: target.pathname + target.search, headers: { ...req.headers, host: target.host, 'accept-encoding': 'identity' } },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const headers = { ...answer.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        let body: Buffer = Buffer.concat(chunks);
        if (transform) body = transform(body, headers);
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(body);
      });
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
}

/** A forward HTTP proxy: absolute-form requests are relayed, CONNECT opens a tunnel. */
export async function startForwardProxy(): Promise<Middleman> {
  const sockets = new Set<Socket>();
  const seen: Middleman['seen'] = [];
  const state = { tunnels: 0 };
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    forward(new URL(req.url ?? '/'), req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    state.tunnels++;
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const url = await listen(server);
  return {
    url,
    seen,
    get tunnels() {
      return state.tunnels;
    },
    compressed: 0,
    close: () => closeServer(server, sockets),
  };
}

/** 'corrupt-gzip' claims gzip but sends the plain body. */
export type Compression = 'gzip' | 'deflate' | 'br' | 'corrupt-gzip' | null;

/**
 * An API gateway in front of the simulator: strips `prefix`, refuses requests without the
 * expected header (403), and compresses answers the way the client asked.
 */
export async function startGateway(
  targetUrl: string,
  options: { prefix: string; header: [string, string]; compress: Compression },
): Promise<Middleman> {
  const sockets = new Set<Socket>();
  const seen: Middleman['seen'] = [];
  const state = { compressed: 0 };
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    const [name, value] = options.header;
    const url = req.url ?? '/';
    if (req.headers[name.toLowerCase()] !== value || !url.startsWith(options.prefix)) {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<html>forbidden by gateway</html>');
      return;
    }
    const target = new URL(url.slice(options.prefix.length), targetUrl);
    const accepted = String(req.headers['accept-encoding'] ?? '');
    forward(target, req, res, (body, headers) => {
      if (options.compress === 'corrupt-gzip') {
        headers['content-encoding'] = 'gzip';
        return body;
      }
      if (!options.compress || !accepted.includes(options.compress)) return body;
      headers['content-encoding'] = options.compress;
      state.compressed++;
      if (options.compress === 'gzip') return gzipSync(body);
      if (options.compress === 'deflate') return deflateSync(body);
      return brotliCompressSync(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const url = await listen(server);
  return {
    url,
    seen,
    tunnels: 0,
    get compressed() {
      return state.compressed;
    },
    close: () => closeServer(server, sockets),
  };
}

/** Remembers the pipelines a test opens so the file's afterEach can close them all. */
export function pipelineTracker(): { track(pipeline: ApiPipeline): ApiPipeline; closeAll(): Promise<void> } {
  const open: ApiPipeline[] = [];
  return {
    track(pipeline) {
      open.push(pipeline);
      return pipeline;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((p) => p.close()));
    },
  };
}
