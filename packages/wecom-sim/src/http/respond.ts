// Writing answers: WeCom JSON (errcode and errmsg first), pre-serialised fragments for big lists,
// binary downloads and the raw bodies of injected faults.
import type { ServerResponse } from 'node:http';

/** A pre-serialised JSON value spliced into a response as is (cached per user or department). */
export class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export function rawArray(items: readonly string[]): RawJson {
  return new RawJson(`[${items.join(',')}]`);
}

/** A binary answer (media/get). */
export class BinaryReply {
  readonly status: number;
  readonly headers: Record<string, string | number>;
  readonly data: Uint8Array;
  constructor(status: number, headers: Record<string, string | number>, data: Uint8Array) {
    this.status = status;
    this.headers = headers;
    this.data = data;
  }
}

export function serialize(body: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (value === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${value instanceof RawJson ? value.text : JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

export function sendJson(res: ServerResponse, body: Record<string, unknown>, status = 200): void {
  const text = serialize(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'error-code': String(body.errcode ?? 0),
  });
  res.end(text);
}

export function sendBinary(res: ServerResponse, reply: BinaryReply): void {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': reply.data.byteLength });
  res.end(reply.data);
}

export function sendHtml(res: ServerResponse, status: number): void {
  const title = `${status} ${status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : status === 504 ? 'Gateway Time-out' : 'Error'}`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>stgw</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

/** 200 with a JSON body cut off mid-way. */
export function sendMalformed(res: ServerResponse): void {
  const text = '{"errcode":0,"errmsg":"ok","data":[{"id":1,"name":"';
  res.writeHead(200, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** errcode 0 with the first data field given the wrong JSON type (for response-validation tests). */
export function wrongShape(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  const key = Object.keys(out).find((k) => k !== 'errcode' && k !== 'errmsg');
  if (key === undefined) {
    // Nothing but errcode/errmsg: keep errcode 0 and break errmsg instead.
    out.errmsg = 0;
    return out;
  }
  const value = out[key];
  out[key] =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? 12345
        : Array.isArray(value) || value instanceof RawJson
          ? 'not-a-list'
          : 42;
  return out;
}
