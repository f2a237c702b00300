// One scripted user's turn: the callback the simulator pushed (its req_id) and the bot's answers to it.
// finished() settles when the answer is complete: a stream part with finish: true, a card, a welcome, a
// card update. No polling: every reply arrives through add().

export type ConversationKind = 'message' | 'enter_chat' | 'template_card_event';

export interface SimBotReply {
  cmd: string;
  body: Record<string, unknown>;
  at: number;
}

export class Conversation {
  readonly replies: SimBotReply[] = [];
  private done = false;
  private readonly waiters: Array<(replies: SimBotReply[]) => void> = [];
  private readonly nextWaiters: Array<(reply: SimBotReply) => void> = [];
  /** stream ids that already got finish: true */
  readonly finishedStreams = new Set<string>();
  readonly reqId: string;
  readonly kind: ConversationKind;
  readonly botId: string;
  readonly userid: string;
  readonly chatid: string | undefined;

  constructor(init: {
    reqId: string;
    kind: ConversationKind;
    botId: string;
    userid: string;
    chatid?: string;
  }) {
    this.reqId = init.reqId;
    this.kind = init.kind;
    this.botId = init.botId;
    this.userid = init.userid;
    this.chatid = init.chatid;
  }

  get isFinished(): boolean {
    return this.done;
  }

  /** The text a person sees now: the last stream content. */
  get text(): string {
    for (let i = this.replies.length - 1; i >= 0; i--) {
      const stream = this.replies[i]!.body.stream as { content?: string } | undefined;
      if (stream?.content !== undefined) return stream.content;
    }
    return '';
  }

  finished(): Promise<SimBotReply[]> {
    if (this.done) return Promise.resolve(this.replies);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The next reply to arrive. */
  nextReply(): Promise<SimBotReply> {
    return new Promise((resolve) => this.nextWaiters.push(resolve));
  }

  add(reply: SimBotReply): void {
    this.replies.push(reply);
    for (const resolve of this.nextWaiters.splice(0)) resolve(reply);
    if (this.done || !completes(reply)) return;
    this.done = true;
    for (const resolve of this.waiters.splice(0)) resolve(this.replies);
  }
}

function completes(reply: SimBotReply): boolean {
  const stream = reply.body.stream as { finish?: boolean } | undefined;
  if (stream) return stream.finish === true;
  return true;
}
