// Public option and server types of the simulator (re-exported by index.ts).
import type { SimBot } from './aibot/bots.ts';
import type { AibotHub } from './aibot/hub.ts';
import type { SimState } from './state/model.ts';
import type { SimWrites } from './state/writes.ts';

export interface SimSize {
  departments?: number;
  users?: number;
  tags?: number;
  lives?: number;
  /** viewers of the largest live; others get fewer */
  maxViewers?: number;
}

export interface SimQuotas {
  /** per corp, per single API (45009); message/send is exempt like on WeCom */
  perApiPerMinute: number;
  perApiPerHour: number;
  /** concurrent requests on one API (45033) */
  maxConcurrentPerApi: number;
  gettokenPerHour: number;
  /** rows (users + external_users) per get_watch_stat page */
  watchStatPageSize: number;
  /** largest `limit` accepted by user/list_id */
  listIdMaxLimit: number;
  /** user/list answers 45029 when a response would hold more members than this */
  userListMaxRows: number;
  /** corp-wide appchat/create per day (WeCom: 1000) */
  appchatCreatePerDay: number;
  /** corp-wide appchat/update per hour (WeCom: 1000) */
  appchatUpdatePerHour: number;
  /** media/uploadimg per day (WeCom: 1000) */
  uploadimgPerDay: number;
}

export type FaultKind =
  | 'errcode' // answer {errcode, errmsg} (HTTP 200), e.g. -1, 45009, 45033, 40014, 42001, 60020 ...
  | 'http' // HTTP status (default 502) with an HTML-ish body
  | 'latency' // add latencyMs before answering
  | 'drop' // destroy the socket without answering (connection reset)
  | 'malformed' // 200 with a truncated / non-JSON body
  | 'wrongShape' // 200 errcode 0 but a field with the wrong type
  | 'lostAnswer'; // handled (WeCom acted), then the socket is destroyed before the answer

export interface FaultRule {
  kind: FaultKind;
  /** exact path like '/cgi-bin/user/get' or a RegExp; default every path except gettoken */
  path?: string | RegExp;
  errcode?: number;
  errmsg?: string;
  status?: number;
  latencyMs?: number;
  /** probability 0..1 per matching request (seeded RNG, deterministic); default 1 */
  rate?: number;
  /** only the first N matching requests (after `skip`) fire; default unlimited */
  count?: number;
  skip?: number;
  /** only active between these ms offsets from when the rule was added (schedule) */
  fromMs?: number;
  untilMs?: number;
}

export interface SimOptions {
  /** default 1; same seed => same org, same ids, same names */
  seed?: number;
  size?: SimSize;
  /** base latency added to every response (default 0) */
  latencyMs?: number;
  quotas?: Partial<SimQuotas>;
  /** default 7200 (expires_in returned by gettoken) */
  tokenTtlSeconds?: number;
  faults?: FaultRule[];
  /** default '127.0.0.1' */
  host?: string;
  /** default 0 (random free port) */
  port?: number;
  /** clock (ms) for live statuses, token expiry, quota windows and schedules; default Date.now */
  now?: () => number;
  /** seed of the ids of created things (livingid, msgid, chatid…); default: `seed`, so runs repeat */
  idSeed?: number;
  /** the writes of an earlier simulator over the same seed (exportWrites, checked by parseSimWrites) to start from */
  writes?: SimWrites;
  /** called after every change the API makes (to keep them: exportWrites) */
  onWrite?: () => void;
}

export interface SimApp {
  name: string;
  agentId: number;
  secret: string;
}

export interface SimFaults {
  add(rule: FaultRule): string;
  remove(id: string): void;
  clear(): void;
}

export interface SimStats {
  /** requests received (all, or one path) */
  calls(path?: string): number;
  /** responses with errcode != 0 (or == errcode) */
  errors(errcode?: number): number;
  /** highest in-flight count seen (all paths together, or one path) */
  maxConcurrent(path?: string): number;
  reset(): void;
}

export interface SimTokens {
  /** current tokens answer 42001 */
  expireAll(): void;
  /** current tokens answer 40014 */
  revokeAll(): void;
  /** gettoken successes */
  issued(): number;
}

export interface SimServer {
  /** e.g. 'http://127.0.0.1:43123' */
  url: string;
  corpId: string;
  /** first: { name: 'live-desk', agentId: 1000002 } (the Demo app); then 'training-notice' 1000003 */
  apps: SimApp[];
  /** contacts-sync (通讯录同步) secret: only it may call user/list_id */
  contactsSecret: string;
  faults: SimFaults;
  stats: SimStats;
  tokens: SimTokens;
  /** read access to the generated and mutated state (for assertions) */
  state: SimState;
  /** the effective quotas */
  quotas: SimQuotas;
  /** AI bots in 长连接 mode: first 'training-assistant', then 'notice-bot' */
  bots: SimBot[];
  /** the bot long connection: scripted users, recorded frames, faults */
  aibot: AibotHub;
  /** e.g. 'ws://127.0.0.1:43123/aibot' — the `wsUrl` for a bot client */
  aibotUrl: string;
  /** what the API's writes made so far: lives created or changed, messages, app chats, schedules */
  exportWrites(): SimWrites;
  close(): Promise<void>;
}
