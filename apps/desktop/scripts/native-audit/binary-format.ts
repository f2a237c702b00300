// What a native module (.node) was built for, read from its header: ELF (Linux), PE (Windows),
// Mach-O thin or universal (macOS). For ELF, the newest glibc symbol version it needs
// (GLIBC_2.x in .gnu.version_r): the oldest glibc it can load on.

export type BinaryPlatform = 'linux' | 'win32' | 'darwin';
export type BinaryArch = 'x64' | 'arm64' | 'ia32' | 'arm' | 'unknown';

export interface BinaryInfo {
  platform: BinaryPlatform;
  /** One arch, or several for a macOS universal binary. */
  archs: BinaryArch[];
  /** ELF only: the highest GLIBC_x.y version needed, e.g. "2.34"; null when none. */
  glibc: string | null;
}

const ELF_MACHINES: Record<number, BinaryArch> = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' };
const PE_MACHINES: Record<number, BinaryArch> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32', 0x1c4: 'arm' };
const MACHO_CPUS: Record<number, BinaryArch> = { 0x01000007: 'x64', 0x0100000c: 'arm64', 7: 'ia32', 12: 'arm' };

const SHT_GNU_VERNEED = 0x6ffffffe;

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function cString(buffer: Buffer, offset: number): string {
  const end = buffer.indexOf(0, offset);
  return buffer.toString('latin1', offset, end < 0 ? buffer.length : end);
}

/** Reads the version-needs section of a 64- or 32-bit little-endian ELF. */
function elfGlibc(buffer: Buffer): string | null {
  const is64 = buffer[4] === 2;
  if (buffer[5] !== 1) throw new Error('big-endian ELF is not supported');
  const word = (offset: number) => buffer.readUInt32LE(offset);
  const addr = (offset: number) => (is64 ? Number(buffer.readBigUInt64LE(offset)) : word(offset));
  const shoff = addr(is64 ? 0x28 : 0x20);
  const shentsize = buffer.readUInt16LE(is64 ? 0x3a : 0x2e);
  const shnum = buffer.readUInt16LE(is64 ? 0x3c : 0x30);
  const section = (index: number) => {
    const base = shoff + index * shentsize;
    return {
      type: word(base + 4),
      offset: addr(base + (is64 ? 0x18 : 0x10)),
      link: word(base + (is64 ? 0x28 : 0x18)),
      info: word(base + (is64 ? 0x2c : 0x1c)),
    };
  };
  let newest: string | null = null;
  for (let i = 0; i < shnum; i++) {
    const verneed = section(i);
    if (verneed.type !== SHT_GNU_VERNEED) continue;
    const strings = section(verneed.link).offset;
    let need = verneed.offset;
    for (let n = 0; n < verneed.info; n++) {
      const auxCount = buffer.readUInt16LE(need + 2);
      let aux = need + word(need + 8);
      for (let a = 0; a < auxCount; a++) {
        const name = cString(buffer, strings + word(aux + 8));
        const match = /^GLIBC_(\d+(?:\.\d+)+)$/.exec(name);
        if (match?.[1] && (newest === null || compareVersions(match[1], newest) > 0)) newest = match[1];
        const next = word(aux + 12);
        if (next === 0) break;
        aux += next;
      }
      const nextNeed = word(need + 12);
      if (nextNeed === 0) break;
      need += nextNeed;
    }
  }
  return newest;
}

export function inspectBinary(buffer: Buffer): BinaryInfo {
  if (buffer.length >= 20 && buffer.readUInt32BE(0) === 0x7f454c46) {
    return { platform: 'linux', archs: [ELF_MACHINES[buffer.readUInt16LE(0x12)] ?? 'unknown'], glibc: elfGlibc(buffer) };
  }
  if (buffer.length >= 0x40 && buffer.toString('latin1', 0, 2) === 'MZ') {
    const pe = buffer.readUInt32LE(0x3c);
    if (buffer.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('MZ file without a PE header');
    return { platform: 'win32', archs: [PE_MACHINES[buffer.readUInt16LE(pe + 4)] ?? 'unknown'], glibc: null };
  }
  const magicLE = buffer.length >= 8 ? buffer.readUInt32LE(0) : 0;
  if (magicLE === 0xfeedfacf || magicLE === 0xfeedface) {
    return { platform: 'darwin', archs: [MACHO_CPUS[buffer.readInt32LE(4) >>> 0] ?? 'unknown'], glibc: null };
  }
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xcafebabe) {
    const count = buffer.readUInt32BE(4);
    const archs: BinaryArch[] = [];
    for (let i = 0; i < count; i++) archs.push(MACHO_CPUS[buffer.readUInt32BE(8 + i * 20)] ?? 'unknown');
    return { platform: 'darwin', archs, glibc: null };
  }
  throw new Error('not an ELF, PE or Mach-O binary');
}
