// Which URLs may leave the app for the system browser: https on an allow-listed origin, nothing else.
import { EXTERNAL_ORIGINS } from './constants.ts';

export function isAllowedExternalUrl(
  raw: string,
  allowedOrigins: readonly string[] = EXTERNAL_ORIGINS,
): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Credentials in a URL are a phishing trick (https://work.weixin.qq.com@evil.example); refuse them.
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return allowedOrigins.includes(url.origin);
}
