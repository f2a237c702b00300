// One socket on the simulator's bot endpoint: parses each frame, answers it through the hub, pushes
// callbacks. Nothing here outlives the socket.
import type { WebSocket } from 'ws';
import { ack, BOT_ERRCODE, inboundFrameSchema, subscribeBodySchema, zodProblem } from './wire.ts';
import type { AckFrame } from './wire.ts';

export interface SessionHub {
  /** null when subscribed; otherwise why not. */
  subscribe(session: BotSession, botId: string, secret: string): string | null;
  answerPing(session: BotSession): boolean;
  handle(session: BotSession, cmd: string, reqId: string, body: unknown): AckFrame;
  release(session: BotSession): void;
  note(session: BotSession, cmd: string, reqId: string, body: unknown): void;
}

export class BotSession {
  /** Set once aibot_subscribe succeeded. */
  botId: string | null = null;
  private readonly socket: WebSocket;
  private readonly hub: SessionHub;

  constructor(socket: WebSocket, hub: SessionHub) {
    this.socket = socket;
    this.hub = hub;
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.receive(String(data));
    });
    socket.on('close', () => hub.release(this));
    socket.on('error', () => socket.terminate());
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(frame: unknown): void {
    if (this.open) this.socket.send(JSON.stringify(frame));
  }

  sendText(text: string): void {
    if (this.open) this.socket.send(text);
  }

  close(code = 1000, reason = ''): void {
    if (this.open) this.socket.close(code, reason);
  }

  /** A dropped connection: no close handshake. */
  drop(): void {
    this.socket.terminate();
  }

  private receive(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.close(1003, 'frames must be JSON');
      return;
    }
    const frame = inboundFrameSchema.safeParse(json);
    if (!frame.success) {
      const reqId = (json as { headers?: { req_id?: unknown } } | null)?.headers?.req_id;
      if (typeof reqId === 'string' && reqId)
        this.send(ack(reqId, BOT_ERRCODE.badParam, zodProblem(frame.error)));
      return;
    }
    const { cmd, headers, body } = frame.data;
    const reqId = headers.req_id;
    this.hub.note(this, cmd, reqId, body);
    if (cmd === 'aibot_subscribe') {
      const parsed = subscribeBodySchema.safeParse(body);
      if (!parsed.success) return this.send(ack(reqId, BOT_ERRCODE.badParam, zodProblem(parsed.error)));
      const refusal = this.hub.subscribe(this, parsed.data.bot_id, parsed.data.secret);
      if (refusal !== null) {
        this.send(ack(reqId, BOT_ERRCODE.badSecret, refusal));
        this.close(1008, 'subscribe refused');
        return;
      }
      this.send(ack(reqId));
      return;
    }
    if (this.botId === null)
      return this.send(ack(reqId, BOT_ERRCODE.badParam, 'not subscribed: send aibot_subscribe first'));
    if (cmd === 'ping') {
      if (this.hub.answerPing(this)) this.send(ack(reqId));
      return;
    }
    this.send(this.hub.handle(this, cmd, reqId, body));
  }
}
