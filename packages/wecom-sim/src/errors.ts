// WeCom-style errors: the errcode's short text plus `hint`, `from ip` and the lookup link, the way
// WeCom formats errmsg (clients log and parse these parts).
import { systemClock } from '@wld/clock';

const TEXTS: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid userid',
  40004: 'invalid media file type',
  40005: 'invalid type parameter',
  40006: 'invalid file size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40013: 'invalid corpid',
  40032: 'invalid userid list size',
  40014: 'invalid access_token',
  40035: 'invalid parameter',
  40056: 'invalid agentid',
  40058: 'invalid Request Parameter',
  40068: 'invalid tagid',
  40091: 'secret is invalid',
  40206: 'request body too large',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41006: 'media_id missing',
  41009: 'missing userid',
  41011: 'missing agentid',
  41016: 'missing title',
  41033: 'missing description',
  42001: 'access_token expired',
  42052: 'msgid expired or not exist',
  44001: 'empty media data',
  44004: 'empty content',
  45001: 'media size out of limit',
  45002: 'content size out of limit',
  45009: 'api freq out of limit',
  45029: 'response size out of limit, please page by department',
  45033: 'api concurrent out of limit',
  48001: 'api unauthorized',
  48002: 'api forbidden',
  50100: 'invalid cursor',
  60003: 'department not found',
  60011: 'no privilege to access/modify contact/party/agent',
  60020: 'not allow to access from your ip',
  60111: 'userid not found',
  60123: 'invalid party id',
  81013: 'user & party & tag all invalid',
  82001: 'all touser & toparty & totag empty',
  82002: 'invalid partyid list size',
  82003: 'invalid tagid list size',
  86001: 'invalid chatid',
  86003: 'chatid not exist',
  86004: 'invalid chat name',
  86005: 'invalid chat owner',
  86006: 'invalid chat member count',
  86007: 'invalid chat member userid',
  86008: 'chat not created by this app',
  86201: 'chatid required',
  86207: 'chat owner not in member list',
  86215: 'chatid already exists',
  90466: 'invalid schedule id',
  90485: 'schedule is not a repeating schedule',
  92006: 'living status not allowed for this operation',
  92007: 'living replay can not be deleted',
  92008: 'no permission for this living',
};

export function errcodeText(errcode: number): string {
  return TEXTS[errcode] ?? 'unknown error';
}

let hintSeq = 0;
const HINT_HEX = '0123456789abcdef';

function hintId(nowMs: number): string {
  hintSeq = (hintSeq + 1) % 1_000_000;
  let hex = '';
  let x = (nowMs ^ (hintSeq * 2654435761)) >>> 0;
  for (let i = 0; i < 32; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    hex += HINT_HEX[(x >>> 16) & 15];
  }
  return `${Math.floor(nowMs / 1000)}_${hintSeq}_${hex}`;
}

/** `<text>[: detail], hint: [...], from ip: <ip>, more info at https://open.work.weixin.qq.com/devtool/query?e=<code>` */
export function buildErrmsg(
  errcode: number,
  ip: string,
  detail?: string,
  nowMs: number = systemClock.now(),
): string {
  const text = detail ? `${errcodeText(errcode)}: ${detail}` : errcodeText(errcode);
  return `${text}, hint: [${hintId(nowMs)}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}

/** Thrown by route handlers; the server turns it into `{errcode, errmsg}`. */
export class SimApiError extends Error {
  readonly errcode: number;
  readonly detail: string | undefined;
  constructor(errcode: number, detail?: string) {
    super(detail ? `${errcode}: ${detail}` : String(errcode));
    this.name = 'SimApiError';
    this.errcode = errcode;
    this.detail = detail;
  }
}

export function fail(errcode: number, detail?: string): never {
  throw new SimApiError(errcode, detail);
}
