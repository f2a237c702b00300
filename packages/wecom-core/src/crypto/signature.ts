// msg_signature = sha1 of the sorted, concatenated [token, timestamp, nonce, encrypt], compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

export function msgSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  const parts = [token, timestamp, nonce, encrypted].sort();
  return createHash('sha1').update(parts.join('')).digest('hex');
}

/** Constant-time comparison of two hex signatures (case-insensitive). */
export function signaturesEqual(expected: string, actual: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(actual.toLowerCase(), 'utf8');
  // Compare against itself on a length mismatch so the time taken does not reveal where they differ.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

export function verifyMsgSignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypted: string,
  signature: string,
): boolean {
  return signaturesEqual(msgSignature(token, timestamp, nonce, encrypted), signature);
}
