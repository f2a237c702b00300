// Small files with real magic bytes, built in memory.
export function pngBytes(size = 2048): Uint8Array {
  const data = new Uint8Array(size);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) data[i] = (i * 31) & 0xff;
  return data;
}

export function bytesOf(text: string, repeat = 1): Uint8Array {
  return new TextEncoder().encode(text.repeat(repeat));
}
