// Statistics of the long connection per cmd, like the HTTP calls' per-endpoint statistics: frames sent,
// acked, failed (by code), ack latency percentiles; frames received per cmd; frames that failed
// validation; connects, reconnects, heartbeats missed.
import { LatencyRing } from '../stats/latency-ring.ts';
import type { LatencySummary } from '../stats/latency-ring.ts';

export interface BotCmdStats {
  cmd: string;
  sent: number;
  acked: number;
  errors: number;
  errorsByCode: Record<string, number>;
  /** From send to ack. */
  latency: LatencySummary;
}

export interface BotStatsSnapshot {
  since: number;
  at: number;
  connects: number;
  reconnects: number;
  subscribeFailures: number;
  heartbeatsMissed: number;
  takeOvers: number;
  received: Record<string, number>;
  invalidFrames: number;
  commands: BotCmdStats[];
}

interface Counters {
  sent: number;
  acked: number;
  errors: number;
  errorsByCode: Map<string, number>;
  latency: LatencyRing;
}

export class BotStats {
  private readonly now: () => number;
  private since: number;
  private cmds = new Map<string, Counters>();
  private receivedByCmd = new Map<string, number>();
  private totals = {
    connects: 0,
    reconnects: 0,
    subscribeFailures: 0,
    heartbeatsMissed: 0,
    takeOvers: 0,
    invalid: 0,
  };

  private readonly samples: number;

  constructor(now: () => number, samples = 1024) {
    this.now = now;
    this.samples = samples;
    this.since = now();
  }

  sent(cmd: string): void {
    this.counters(cmd).sent++;
  }

  acked(cmd: string, latencyMs: number): void {
    const c = this.counters(cmd);
    c.acked++;
    c.latency.add(latencyMs);
  }

  failed(cmd: string, code: string): void {
    const c = this.counters(cmd);
    c.errors++;
    c.errorsByCode.set(code, (c.errorsByCode.get(code) ?? 0) + 1);
  }

  received(cmd: string): void {
    this.receivedByCmd.set(cmd, (this.receivedByCmd.get(cmd) ?? 0) + 1);
  }

  count(
    what: 'connects' | 'reconnects' | 'subscribeFailures' | 'heartbeatsMissed' | 'takeOvers' | 'invalid',
  ): void {
    this.totals[what]++;
  }

  snapshot(): BotStatsSnapshot {
    const commands: BotCmdStats[] = [...this.cmds].map(([cmd, c]) => ({
      cmd,
      sent: c.sent,
      acked: c.acked,
      errors: c.errors,
      errorsByCode: Object.fromEntries(c.errorsByCode),
      latency: c.latency.summary(),
    }));
    commands.sort((a, b) => b.sent - a.sent || a.cmd.localeCompare(b.cmd));
    return {
      since: this.since,
      at: this.now(),
      connects: this.totals.connects,
      reconnects: this.totals.reconnects,
      subscribeFailures: this.totals.subscribeFailures,
      heartbeatsMissed: this.totals.heartbeatsMissed,
      takeOvers: this.totals.takeOvers,
      received: Object.fromEntries(this.receivedByCmd),
      invalidFrames: this.totals.invalid,
      commands,
    };
  }

  private counters(cmd: string): Counters {
    let c = this.cmds.get(cmd);
    if (!c) {
      c = { sent: 0, acked: 0, errors: 0, errorsByCode: new Map(), latency: new LatencyRing(this.samples) };
      this.cmds.set(cmd, c);
    }
    return c;
  }
}
