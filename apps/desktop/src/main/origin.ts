// The origin of a URL as Chromium sees it. Node's URL gives 'null' for custom schemes such as
// app://, so scheme + host is built by hand.
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.host === '') return null;
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
