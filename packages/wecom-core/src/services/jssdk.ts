// JS-SDK tickets (corp: get_jsapi_ticket for wx.config; app: ticket/get?type=agent_config for
// wx.agentConfig), cached for their lifetime with one fetch in flight per kind, and page signatures.
import type { ApiCaller, CredentialRef } from '../http/types.ts';
import { ticketResponseSchema } from '../models/ticket.ts';
import { jsApiSignature, type JsApiSignature } from '../crypto/jssdk-signature.ts';
import type { CallOptions } from './options.ts';
import { systemClock } from '@wld/clock';

export type TicketKind = 'corp' | 'agent';

/** Refresh this long before WeCom's expiry so a signed page still has time to call wx.config. */
const TICKET_MARGIN_SECONDS = 300;

interface CachedTicket {
  ticket: string;
  expiresAt: number;
}

export class JsSdkService {
  readonly #caller: ApiCaller;
  readonly #credential: CredentialRef | undefined;
  readonly #now: () => number;
  readonly #tickets = new Map<TicketKind, CachedTicket>();
  readonly #inFlight = new Map<TicketKind, Promise<CachedTicket>>();

  constructor(caller: ApiCaller, context: { credential?: CredentialRef; now?: () => number } = {}) {
    this.#caller = caller;
    this.#credential = context.credential;
    this.#now = context.now ?? systemClock.now;
  }

  /** A valid ticket, from memory when it has more than a few minutes left (WeCom limits fetches per hour). */
  async getTicket(kind: TicketKind, options: CallOptions & { force?: boolean } = {}): Promise<string> {
    const cached = this.#tickets.get(kind);
    if (!options.force && cached && cached.expiresAt > this.#now()) return cached.ticket;
    let pending = this.#inFlight.get(kind);
    if (!pending) {
      pending = this.#fetch(kind, options).finally(() => this.#inFlight.delete(kind));
      this.#inFlight.set(kind, pending);
    }
    return (await pending).ticket;
  }

  async #fetch(kind: TicketKind, options: CallOptions): Promise<CachedTicket> {
    const fetchedAt = this.#now();
    const answer = await this.#caller.call({
      method: 'GET',
      path: kind === 'corp' ? '/cgi-bin/get_jsapi_ticket' : '/cgi-bin/ticket/get',
      query: kind === 'corp' ? undefined : { type: 'agent_config' },
      credential: this.#credential,
      priority: options.priority ?? 'interactive',
      signal: options.signal,
      cache: false,
      schema: ticketResponseSchema,
    });
    const lifetime = Math.max(0, answer.expires_in - TICKET_MARGIN_SECONDS);
    const entry = { ticket: answer.ticket, expiresAt: fetchedAt + lifetime * 1000 };
    this.#tickets.set(kind, entry);
    return entry;
  }

  /** Signs a page URL for wx.config ('corp') or wx.agentConfig ('agent'). */
  async sign(
    url: string,
    kind: TicketKind = 'corp',
    options: CallOptions & { nonceStr?: string; timestamp?: number } = {},
  ): Promise<JsApiSignature> {
    const ticket = await this.getTicket(kind, options);
    return jsApiSignature({ ticket, url, nonceStr: options.nonceStr, timestamp: options.timestamp });
  }

  /** Forget cached tickets (e.g. after WeCom reports 42012 / 40093). */
  clear(): void {
    this.#tickets.clear();
  }
}
