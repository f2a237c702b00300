// The type of a file from its first bytes, as WeCom goes by the file rather than by what a client
// declared (many clients send a multipart part with no Content-Type, read as text/plain).
const SIGNATURES: Array<{ type: string; at: number; bytes: number[] }> = [
  { type: 'image/png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', at: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'audio/amr', at: 0, bytes: [0x23, 0x21, 0x41, 0x4d, 0x52] },
  { type: 'video/mp4', at: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
  { type: 'application/pdf', at: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The content type the bytes announce, or null when they match no known signature. */
export function sniffContentType(data: Uint8Array): string | null {
  for (const { type, at, bytes } of SIGNATURES) {
    if (data.byteLength < at + bytes.length) continue;
    if (bytes.every((byte, i) => data[at + i] === byte)) return type;
  }
  return null;
}

/** What a client declares when it declares nothing in particular. */
export function isGenericType(type: string): boolean {
  const base = type.split(';')[0]!.trim().toLowerCase();
  return base === '' || base === 'text/plain' || base === 'application/octet-stream';
}
