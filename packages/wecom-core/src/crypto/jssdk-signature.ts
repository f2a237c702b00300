// JS-SDK signature: sha1 of "jsapi_ticket=T&noncestr=N&timestamp=TS&url=U" with raw values and the
// URL cut at '#'. Computed server-side only; the ticket never leaves this process.
import { createHash, randomBytes } from 'node:crypto';
import { systemClock } from '@wld/clock';

export interface JsApiSignatureInput {
  ticket: string;
  url: string;
  nonceStr?: string;
  /** Unix seconds. */
  timestamp?: number;
}

export interface JsApiSignature {
  signature: string;
  nonceStr: string;
  timestamp: number;
  url: string;
}

/** 16 random letters and digits from the OS's CSPRNG. */
export function randomNonce(length = 16): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  // 256 % 62 bias is negligible for a nonce.
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function jsApiSignature(input: JsApiSignatureInput): JsApiSignature {
  const nonceStr = input.nonceStr ?? randomNonce();
  const timestamp = input.timestamp ?? Math.floor(systemClock.now() / 1000);
  const url = stripFragment(input.url);
  const plain = `jsapi_ticket=${input.ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`;
  return { signature: createHash('sha1').update(plain).digest('hex'), nonceStr, timestamp, url };
}
