// Text as GB18030 bytes, as Excel on a Chinese Windows saves a CSV (tests only: the platform has a
// GB18030 decoder and no encoder). Covers the two-byte range (GBK), which holds every common name.
let table: Map<string, number[]> | null = null;

function twoByteTable(): Map<string, number[]> {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\uFFFD' && !map.has(char)) map.set(char, [lead, trail]);
    }
  }
  return map;
}

export function gb18030Bytes(text: string): Uint8Array<ArrayBuffer> {
  table ??= twoByteTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}
