// A userid → number table in typed arrays, for the watch ingest's per-row home-department lookup.
// A Map of 100k userids cost ~0.5 µs a lookup amid the SQLite writes (its buckets, entries and key
// strings are three cache misses, and a hit compares the strings); here a lookup hashes the id
// twice in one pass (FNV-1a and DJB2, 64 bits together) and probes one slot. Two different ids
// with both hashes equal (about 1 in 10^14 at 100k users) would share a slot: the later one's number wins.

/** The last hashPair's two hashes (module fields, not an array per call: it runs once per watch row). */
let hashA = 0;
let hashB = 0;

/** FNV-1a and DJB2 (×33 + c) of `text` in one pass over its UTF-16 code units, into hashA and hashB. */
function hashPair(text: string): void {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    djb = (Math.imul(djb, 33) + code) | 0;
  }
  hashA = fnv >>> 0;
  hashB = djb >>> 0;
}

export class UseridTable {
  private mask = 0;
  private first = new Uint32Array(0);
  private second = new Uint32Array(0);
  /** the number, NaN for null; `used` marks the slots that hold one */
  private values = new Float64Array(0);
  private used = new Uint8Array(0);
  private count = 0;

  constructor(expected = 1024) {
    this.resize(Math.max(16, expected * 2));
  }

  get size(): number {
    return this.count;
  }

  set(userid: string, value: number | null): void {
    if ((this.count + 1) * 2 > this.used.length) this.resize(this.used.length * 2);
    hashPair(userid);
    this.place(hashA, hashB, value === null ? Number.NaN : value);
  }

  /** The number held for `userid`: null when it was set to null, undefined when it was never set. */
  get(userid: string): number | null | undefined {
    hashPair(userid);
    const a = hashA;
    const b = hashB;
    for (let slot = a & this.mask; this.used[slot] === 1; slot = (slot + 1) & this.mask) {
      if (this.first[slot] === a && this.second[slot] === b) {
        const value = this.values[slot]!;
        return Number.isNaN(value) ? null : value;
      }
    }
    return undefined;
  }

  private place(a: number, b: number, value: number): void {
    let slot = a & this.mask;
    while (this.used[slot] === 1) {
      if (this.first[slot] === a && this.second[slot] === b) {
        this.values[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.used[slot] = 1;
    this.first[slot] = a;
    this.second[slot] = b;
    this.values[slot] = value;
    this.count++;
  }

  /** Grows to a power of two ≥ `capacity`, placing the held entries again by their stored hashes. */
  private resize(capacity: number): void {
    let size = 16;
    while (size < capacity) size *= 2;
    const { first, second, values, used } = this;
    this.mask = size - 1;
    this.first = new Uint32Array(size);
    this.second = new Uint32Array(size);
    this.values = new Float64Array(size);
    this.used = new Uint8Array(size);
    this.count = 0;
    for (let slot = 0; slot < used.length; slot++) if (used[slot] === 1) this.place(first[slot]!, second[slot]!, values[slot]!);
  }
}
