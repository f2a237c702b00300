#!/usr/bin/env node
// Runs the simulator from the command line and prints what a client needs to connect:
//   node packages/wecom-sim/src/cli.ts --port 8790 --seed 1 --users 5000 --departments 300 \
//     --latency 30 --fault 'kind=errcode,errcode=-1,rate=0.05'
import { parseArgs } from 'node:util';
import { parseFaultSpec } from './fault-spec.ts';
import { startChatter } from './aibot/chatter.ts';
import { startSimulator } from './server.ts';
import type { SimQuotas } from './types.ts';

const USAGE = `Usage: wecom-sim [options]
  --port <n>            port (default 8790; 0 = any free port)
  --host <addr>         address to listen on (default 127.0.0.1)
  --seed <n>            organisation seed (default 1)
  --users <n>           members (default 200)
  --departments <n>     departments (default 20)
  --tags <n>            tags (default 8)
  --lives <n>           lives (default 40)
  --max-viewers <n>     viewers of the largest live (default 300)
  --latency <ms>        base latency per response (default 0)
  --token-ttl <s>       access_token lifetime (default 7200)
  --quota <k=v>         override a quota, e.g. --quota perApiPerMinute=600 (repeatable)
  --fault <spec>        fault rule, JSON or k=v list, e.g. 'kind=errcode,errcode=-1,rate=0.1' (repeatable)
  --bot-chatter <ms>    every <ms>, a random member asks the AI bot a trainee question (Demo)
  --json                print the connection details as one JSON line
  -h, --help            this help`;

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new TypeError(`--${name} expects a non-negative number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      users: { type: 'string' },
      departments: { type: 'string' },
      tags: { type: 'string' },
      lives: { type: 'string' },
      'max-viewers': { type: 'string' },
      latency: { type: 'string' },
      'token-ttl': { type: 'string' },
      quota: { type: 'string', multiple: true },
      fault: { type: 'string', multiple: true },
      'bot-chatter': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const quotas: Partial<SimQuotas> = {};
  for (const q of values.quota ?? []) {
    const [key, value] = q.split('=');
    if (!key || value === undefined) throw new TypeError(`--quota expects key=value, got "${q}"`);
    (quotas as Record<string, number>)[key] = int(`quota ${key}`, value) as number;
  }
  const sim = await startSimulator({
    port: int('port', values.port) ?? 8790,
    host: values.host,
    seed: int('seed', values.seed),
    size: {
      users: int('users', values.users),
      departments: int('departments', values.departments),
      tags: int('tags', values.tags),
      lives: int('lives', values.lives),
      maxViewers: int('max-viewers', values['max-viewers']),
    },
    latencyMs: int('latency', values.latency),
    tokenTtlSeconds: int('token-ttl', values['token-ttl']),
    quotas,
    faults: (values.fault ?? []).map(parseFaultSpec),
  });

  const chatterMs = int('bot-chatter', values['bot-chatter']);
  if (chatterMs)
    startChatter(
      sim.aibot,
      sim.state.userList.map((u) => u.userid),
      { intervalMs: chatterMs },
    );
  const details = {
    url: sim.url,
    corpId: sim.corpId,
    apps: sim.apps,
    contactsSecret: sim.contactsSecret,
    aibotUrl: sim.aibotUrl,
    bots: sim.bots,
  };
  if (values.json) {
    console.log(JSON.stringify(details));
  } else {
    console.log(`WeCom simulator listening on ${sim.url}  (${sim.state.corpName})`);
    console.log(`  corpId          ${sim.corpId}`);
    for (const app of sim.apps)
      console.log(`  app ${app.name.padEnd(16)} agentId ${app.agentId}  secret ${app.secret}`);
    console.log(`  contacts secret ${sim.contactsSecret}`);
    console.log(`  AI bot endpoint ${sim.aibotUrl}`);
    for (const bot of sim.bots)
      console.log(`  bot ${bot.name.padEnd(16)} BotID ${bot.botId}  secret ${bot.secret}`);
    console.log(
      `  data            ${sim.state.departments.size} departments, ${sim.state.users.size} users, ${sim.state.tags.size} tags, ${sim.state.lives.size} lives`,
    );
    console.log(
      `  try             curl '${sim.url}/cgi-bin/gettoken?corpid=${sim.corpId}&corpsecret=${sim.apps[0]?.secret}'`,
    );
  }
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
