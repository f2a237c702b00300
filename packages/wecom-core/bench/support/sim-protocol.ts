// Messages between the benchmark process and the simulator child process.
export interface SimProcessInfo {
  url: string;
  corpId: string;
  apps: { name: string; agentId: number; secret: string }[];
  contactsSecret: string;
  departments: number;
  users: number;
  /** Rows user/list_id serves: one per (user, department). */
  listIdRows: number;
  watchStatPageSize: number;
  maxConcurrentPerApi: number;
  perApiPerMinute: number;
  /** Lives with watch statistics, most viewers first. */
  lives: { livingid: string; viewers: number }[];
}

export interface SimProcessStats {
  /** Requests other than gettoken. */
  calls: number;
  rateLimited: number;
  concurrencyLimited: number;
  maxConcurrent: number;
}

export type SimProcessRequest =
  { type: 'stats'; id: number } | { type: 'latency'; id: number; ms: number } | { type: 'close' };
export type SimProcessMessage =
  | { type: 'ready'; info: SimProcessInfo }
  | { type: 'stats'; id: number; stats: SimProcessStats }
  | { type: 'latency'; id: number };
