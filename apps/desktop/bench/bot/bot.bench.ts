// `pnpm bench bot`: trainees' questions answered by the AI bot over the long connection, with 1,000
// conversations open at once: messages answered per second and the answer latency (from the message
// leaving the simulator to the finished stream arriving back), answered from the cache by the
// services' bot, against the same answers computed from WeCom's API with no cache, in the same run.
import { performance } from 'node:perf_hooks';
import { systemClock } from '@wld/clock';
import { BotConnection, createWeComClient } from '@wld/wecom-core';
import type { SimServer } from '@wld/wecom-sim';
import { TRAINEE_QUESTIONS } from '@wld/wecom-sim';
import { answer, intentOf } from '../../src/services/bot/answers.ts';
import { BOT_URL_ENV } from '../../src/services/bot/bot-host.ts';
import { createRpcClient } from '../../src/shared/rpc.ts';
import { startServicesInProcess } from '../../src/services/node-host.ts';
import {
  corpProfile,
  corpSecrets,
  startSmallSimulator,
  tempDir,
  testSettings,
} from '../../test/services/helpers.ts';
import { isMain } from '../cache/run-main.ts';
import { formatTable, percentile, type ServicesBenchRow } from '../services/report.ts';
import { apiTraineeData } from './api-trainee-data.ts';

export interface BotBenchOptions {
  conversations?: number;
}

const BIG = 1_000_000;

interface RoundResult {
  seconds: number;
  latencies: number[];
  texts: Map<string, string>;
}

/** Opens n conversations at once (user i asks question i mod 3) and waits for every answer. */
async function round(
  sim: SimServer,
  botId: string,
  userids: readonly string[],
  n: number,
): Promise<RoundResult> {
  const started = performance.now();
  const latencies: number[] = [];
  const texts = new Map<string, string>();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const userid = userids[i % userids.length]!;
      const question = TRAINEE_QUESTIONS[i % TRAINEE_QUESTIONS.length]!;
      const sent = performance.now();
      const conversation = sim.aibot.userSays(question, { botId, userid });
      await conversation.finished();
      latencies.push(performance.now() - sent);
      texts.set(`${userid}|${question}`, conversation.text);
    }),
  );
  latencies.sort((a, b) => a - b);
  return { seconds: (performance.now() - started) / 1000, latencies, texts };
}

function row(name: string, data: string, r: RoundResult, n: number, notes: string): ServicesBenchRow {
  return {
    benchmark: name,
    data,
    samples: n,
    p50Ms: percentile(r.latencies, 50),
    p95Ms: percentile(r.latencies, 95),
    value: n / r.seconds,
    unit: 'msg/s',
    target: '–',
    met: null,
    notes,
  };
}

export async function runBotBenchmark(options: BotBenchOptions = {}): Promise<ServicesBenchRow[]> {
  const n = options.conversations ?? 1_000;
  const quotas = { perApiPerMinute: BIG, perApiPerHour: BIG, maxConcurrentPerApi: 256 };
  const sim = await startSmallSimulator({ quotas });
  const dir = tempDir('wld-bot-bench-');
  const previousUrl = process.env[BOT_URL_ENV];
  process.env[BOT_URL_ENV] = sim.aibotUrl;
  const services = startServicesInProcess({
    userData: dir.path,
    profile: corpProfile(sim),
    settings: testSettings(sim.url, { timeoutMs: 30_000 }),
    keychain: 'memory',
    presetSecrets: corpSecrets(sim),
    probeBackoff: { initialMs: 60_000, maxMs: 60_000 },
  });
  const rpc = createRpcClient(services.connect(), { onError: () => {} });
  const direct = createWeComClient({
    corpId: sim.corpId,
    apps: [{ name: sim.apps[0]!.name, agentId: sim.apps[0]!.agentId, secret: sim.apps[0]!.secret }],
    baseUrl: sim.url,
    cache: { enabled: false },
    quotas: { perApiPerMinute: BIG, perApiPerHour: BIG, maxConcurrentPerApi: 64 },
  });
  const baseline = new BotConnection({
    botId: sim.bots[1]!.botId,
    secret: sim.bots[1]!.secret,
    url: sim.aibotUrl,
    maxQueued: 5_000,
    maxInFlight: 128,
  });
  try {
    await services.initialized();
    const online = new Promise<void>((resolve) => {
      const off = rpc.on('bot.status', (s) => {
        if (s.state !== 'online') return;
        off();
        resolve();
      });
    });
    await rpc.call('bot.configure', {
      botId: sim.bots[0]!.botId,
      hostHere: true,
      secret: sim.bots[0]!.secret,
    });
    await online;

    const anchors = [...new Set([...sim.state.lives.values()].map((l) => l.anchor_userid))];
    const data = apiTraineeData(direct, anchors);
    baseline.on('message', (message, ctx) => {
      const text = message.msgtype === 'text' ? message.text.content : '';
      void answer(intentOf(text), message.from.userid, data, systemClock.now(), 'en-US')
        .then((reply) =>
          baseline.replyStream(ctx.reqId, { id: `b-${ctx.reqId}`, content: reply, finish: true }),
        )
        .catch(() => {});
    });
    baseline.start();
    await baseline.whenOnline();

    const userids = sim.state.userList.filter((u) => u.status === 1).map((u) => u.userid);
    // Warm-up (JIT, token, statements), then the measured rounds.
    await round(sim, sim.bots[0]!.botId, userids, 30);
    await round(sim, sim.bots[1]!.botId, userids, 30);
    const cached = await round(sim, sim.bots[0]!.botId, userids, n);
    const uncached = await round(sim, sim.bots[1]!.botId, userids, n);

    let same = 0;
    for (const [key, text] of cached.texts) {
      if (uncached.texts.get(key) === text) same++;
      else if (process.env.WLD_BOT_BENCH_DIFF)
        console.error(`${key}\n--- cache\n${text}\n--- api\n${uncached.texts.get(key)}\n`);
    }
    const org = `${sim.state.userList.length} users, ${sim.state.lives.size} lives`;
    const calls = direct.stats.totalCalls;
    return [
      row(
        'bot answers from the cache',
        org,
        cached,
        n,
        `${n} conversations at once; identical answers ${same}/${cached.texts.size} (others: lives in progress watched on since the cache's sync)`,
      ),
      row(
        'same answers, no cache (WeCom API)',
        org,
        uncached,
        n,
        `${calls} API calls in total, ${(calls / (n + 30)).toFixed(0)} per answer`,
      ),
    ];
  } finally {
    baseline.stop();
    rpc.close();
    await services.stop();
    await direct.close();
    await sim.close();
    dir.remove();
    if (previousUrl === undefined) delete process.env[BOT_URL_ENV];
    else process.env[BOT_URL_ENV] = previousUrl;
  }
}

export async function runBotBenchmarkTable(options: BotBenchOptions = {}): Promise<string> {
  return formatTable(await runBotBenchmark(options));
}

if (isMain(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1_000);
  console.log(await runBotBenchmarkTable({ conversations: n }));
  process.exit(0);
}
