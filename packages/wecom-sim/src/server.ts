// The HTTP server: one pipeline per request —
//   count → base latency + faults → route → method → token → quota (45009) → concurrency (45033)
//   → body → handler → answer.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_AGENT_ID, generateOrg } from './data/generate-org.ts';
import { buildErrmsg, SimApiError } from './errors.ts';
import { FaultRegistry } from './faults.ts';
import type { FaultDecision } from './faults.ts';
import { BodyTooLargeError, parseJsonBody, parseMultipart, readBody } from './http/body.ts';
import { BinaryReply, sendBinary, sendHtml, sendJson, sendMalformed, wrongShape } from './http/respond.ts';
import { DEFAULT_QUOTAS, QuotaTracker } from './quotas.ts';
import { deriveSeed, mulberry32 } from './random.ts';
import { appsFor, validateOptions } from './setup.ts';
import { buildRoutes } from './routes/index.ts';
import { serveImage } from './routes/media.ts';
import type { RouteContext, RouteDef, RouteResult, SimRuntime } from './routes/types.ts';
import { SimStore } from './state/store.ts';
import { exportWrites, importWrites } from './state/writes.ts';
import { botsFor } from './aibot/bots.ts';
import { AibotHub, AIBOT_PATH } from './aibot/hub.ts';
import { StatsRecorder } from './stats.ts';
import { TokenStore } from './tokens.ts';
import type { TokenOwner } from './tokens.ts';
import type { FaultRule, SimOptions, SimQuotas, SimServer } from './types.ts';
import { systemClock } from '@wld/clock';

const JSON_BODY_LIMIT = 2 * 1024 * 1024;
/** The largest upload WeCom accepts is 20 MB; leave room for the multipart framing. */
const MULTIPART_BODY_LIMIT = 21 * 1024 * 1024;

function clientIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip === '::1' ? '127.0.0.1' : ip;
}

export async function startSimulator(options: SimOptions = {}): Promise<SimServer> {
  validateOptions(options);
  const seed = options.seed ?? 1;
  const now = options.now ?? systemClock.now;
  const quotas: SimQuotas = { ...DEFAULT_QUOTAS, ...options.quotas };
  const org = generateOrg(seed, options.size, { nowMs: now(), creatorAgentId: DEMO_AGENT_ID });
  const store = new SimStore(org, now);
  if (options.writes) importWrites(store, options.writes);
  store.onWrite = options.onWrite ?? null;
  const { apps, contactsSecret } = appsFor(seed);
  const tokens = new TokenStore(mulberry32(deriveSeed(seed, 'tokens')), options.tokenTtlSeconds ?? 7200, now);
  const stats = new StatsRecorder();
  const faults = new FaultRegistry(seed, now);
  const quotaTracker = new QuotaTracker(quotas, now);
  const routes = buildRoutes();
  const baseLatency = options.latencyMs ?? 0;
  let baseUrl = '';
  const sim: SimRuntime = {
    store,
    corpId: org.corpId,
    apps,
    contactsSecret,
    tokens,
    quotas,
    rng: mulberry32(deriveSeed(options.idSeed ?? seed, 'runtime-ids')),
    now,
    baseUrl: () => baseUrl,
  };
  for (const rule of options.faults ?? []) faults.add(rule);
  const aibot = new AibotHub({
    bots: botsFor(seed),
    store,
    corpId: org.corpId,
    now,
    rng: mulberry32(deriveSeed(seed, 'aibot-ids')),
  });

  const answerError = (
    res: ServerResponse,
    ip: string,
    errcode: number,
    detail?: string,
    errmsg?: string,
  ): void => {
    stats.recordErrcode(errcode);
    sendJson(res, { errcode, errmsg: errmsg ?? buildErrmsg(errcode, ip, detail, now()) });
  };

  const applyFault = (req: IncomingMessage, res: ServerResponse, rule: FaultRule, ip: string): void => {
    req.resume();
    switch (rule.kind) {
      case 'errcode':
        answerError(res, ip, rule.errcode ?? -1, undefined, rule.errmsg);
        return;
      case 'http':
        sendHtml(res, rule.status ?? 502);
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'malformed':
        sendMalformed(res);
        return;
      default:
        return;
    }
  };

  const authorize = (
    route: RouteDef,
    token: string | null,
    ip: string,
    res: ServerResponse,
  ): TokenOwner | null | false => {
    if (route.auth === 'none') return null;
    const check = tokens.check(token);
    if (!check.ok) {
      answerError(res, ip, check.errcode);
      return false;
    }
    const owner = check.owner;
    if (route.auth === 'app' && owner.kind !== 'app') {
      answerError(res, ip, 48002, 'the contacts-sync secret may not call this API');
      return false;
    }
    if (route.auth === 'contacts' && owner.kind !== 'contacts') {
      answerError(res, ip, 48002, 'only the contacts-sync secret may call this API');
      return false;
    }
    return owner;
  };

  const run = async (
    req: IncomingMessage,
    res: ServerResponse,
    route: RouteDef,
    ctx: RouteContext,
    decision: FaultDecision,
  ): Promise<void> => {
    let result: RouteResult;
    try {
      if (route.body === 'json') ctx.body = parseJsonBody(await readBody(req, JSON_BODY_LIMIT));
      else if (route.body === 'multipart')
        ctx.form = await parseMultipart(
          await readBody(req, MULTIPART_BODY_LIMIT),
          req.headers['content-type'],
        );
      else req.resume();
      result = await route.handle(ctx);
    } catch (error) {
      if (error instanceof SimApiError) return answerError(res, ctx.ip, error.errcode, error.detail);
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return answerError(res, ctx.ip, route.body === 'multipart' ? 45001 : 40206, error.message);
      }
      // the caller went away while its request was read (a client timeout or reset): nobody is left
      // to answer, and nothing failed here
      if (req.destroyed && (error as { code?: unknown } | null)?.code === 'ECONNRESET') return;
      console.error('[wecom-sim] handler failed', error);
      return answerError(res, ctx.ip, -1, 'internal simulator error');
    }
    // WeCom acted, the answer never reached the caller: a write whose outcome the client cannot know
    if (decision.fire?.kind === 'lostAnswer') return void req.socket.destroy();
    if (result instanceof BinaryReply) return sendBinary(res, result);
    const body = { errcode: 0, errmsg: 'ok', ...result };
    sendJson(res, decision.fire?.kind === 'wrongShape' ? wrongShape(body) : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const path = url.pathname;
    const ip = clientIp(req);
    const inFlight = stats.begin(path);
    res.once('close', () => stats.end(path));

    const decision = faults.evaluate(path);
    const delay = baseLatency + decision.latencyMs;
    if (delay > 0) await sleep(delay);
    if (decision.fire && decision.fire.kind !== 'wrongShape' && decision.fire.kind !== 'lostAnswer')
      return applyFault(req, res, decision.fire, ip);

    const route = routes.get(path);
    if (!route) {
      req.resume();
      const image = req.method === 'GET' ? serveImage(store, path) : null;
      if (image) return sendBinary(res, image);
      if (path.startsWith('/cgi-bin/')) return answerError(res, ip, 48001, `unknown API ${path}`);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    if (req.method !== route.method) {
      req.resume();
      return answerError(res, ip, 40035, `${path} requires ${route.method}, got ${req.method}`);
    }
    const owner = authorize(route, url.searchParams.get('access_token'), ip, res);
    if (owner === false) return void req.resume();
    const refusal = quotaTracker.admit(path);
    if (refusal !== null) {
      req.resume();
      return answerError(res, ip, 45009, refusal);
    }
    if (inFlight > quotas.maxConcurrentPerApi) {
      req.resume();
      return answerError(
        res,
        ip,
        45033,
        `more than ${quotas.maxConcurrentPerApi} concurrent calls on ${path}`,
      );
    }
    const ctx: RouteContext = {
      sim,
      query: url.searchParams,
      body: {},
      form: null,
      caller: owner,
      headers: req.headers,
      ip,
    };
    await run(req, res, route, ctx, decision);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[wecom-sim] request failed', error);
      if (!res.headersSent) sendJson(res, { errcode: -1, errmsg: 'system busy' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('upgrade', (req, socket, head) => aibot.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    corpId: org.corpId,
    apps,
    contactsSecret,
    faults,
    stats,
    tokens: {
      expireAll: () => tokens.expireAll(),
      revokeAll: () => tokens.revokeAll(),
      issued: () => tokens.issued(),
    },
    state: store,
    quotas,
    bots: aibot.bots,
    aibot,
    aibotUrl: `${baseUrl.replace(/^http/, 'ws')}${AIBOT_PATH}`,
    exportWrites: () => exportWrites(store),
    close: () =>
      new Promise<void>((resolve, reject) => {
        aibot.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
