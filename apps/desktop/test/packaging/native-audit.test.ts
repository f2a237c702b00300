// Item: the native-module audit. Headers are read right (synthetic PE and Mach-O, real ELF
// prebuilds), the files a target would ship are the target's own, and a foreign binary is caught.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditTargets } from '../../scripts/native-audit.ts';
import { auditFile } from '../../scripts/native-audit/audit.ts';
import { inspectBinary } from '../../scripts/native-audit/binary-format.ts';

const modules = path.resolve(import.meta.dirname, '..', '..', 'node_modules');
const prebuild = (name: string) => path.join(modules, 'better-sqlite3', 'prebuilds', `${name}.node`);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function pe(machine: number): Buffer {
  const buffer = Buffer.alloc(0x100);
  buffer.write('MZ', 0, 'latin1');
  buffer.writeUInt32LE(0x80, 0x3c);
  buffer.write('PE\0\0', 0x80, 'latin1');
  buffer.writeUInt16LE(machine, 0x84);
  return buffer;
}

function machoFat(cpus: number[]): Buffer {
  const buffer = Buffer.alloc(8 + cpus.length * 20);
  buffer.writeUInt32BE(0xcafebabe, 0);
  buffer.writeUInt32BE(cpus.length, 4);
  cpus.forEach((cpu, i) => buffer.writeUInt32BE(cpu, 8 + i * 20));
  return buffer;
}

describe('reading a native binary', () => {
  it('PE and Mach-O headers give platform and arch', () => {
    expect(inspectBinary(pe(0x8664))).toEqual({ platform: 'win32', archs: ['x64'], glibc: null });
    expect(inspectBinary(pe(0xaa64))).toEqual({ platform: 'win32', archs: ['arm64'], glibc: null });
    expect(inspectBinary(machoFat([0x01000007, 0x0100000c]))).toEqual({ platform: 'darwin', archs: ['x64', 'arm64'], glibc: null });
    expect(() => inspectBinary(Buffer.from('not a binary at all'))).toThrow(/not an ELF/);
  });

  it('the real prebuilds: ELF arch and the newest glibc they need, PE and Mach-O', () => {
    expect(inspectBinary(readPrebuild('linux-x64'))).toEqual({ platform: 'linux', archs: ['x64'], glibc: '2.34' });
    expect(inspectBinary(readPrebuild('linux-arm64'))).toMatchObject({ platform: 'linux', archs: ['arm64'] });
    expect(inspectBinary(readPrebuild('win32-arm64'))).toMatchObject({ platform: 'win32', archs: ['arm64'] });
    expect(inspectBinary(readPrebuild('darwin-arm64'))).toMatchObject({ platform: 'darwin', archs: ['arm64'] });
  });
});

function readPrebuild(name: string): Buffer {
  return readFileSync(prebuild(name));
}

describe('auditing a target', () => {
  it('Linux x64 from this install: only the target’s own binaries ship, and all pass', () => {
    const [report] = auditTargets({ targets: ['linux-x64'] });
    expect(report?.findings).toEqual([]);
    expect(report?.files).toContain('node_modules/better-sqlite3/prebuilds/linux-x64.node');
    expect(report?.files.filter((f) => f.includes('prebuilds/'))).toHaveLength(1);
    expect(report?.files.some((f) => f.includes('obj.target'))).toBe(false);
  });

  it('a module built here would be caught in a Windows or arm64 package (what npmRebuild: false shipped)', () => {
    const reports = auditTargets({ targets: ['win32-x64', 'linux-arm64'] });
    const keytar = (target: string) => reports.find((r) => r.target === target)?.findings.filter((f) => f.shippedAs.includes('keytar'));
    const windows = keytar('win32-x64');
    const arm = keytar('linux-arm64');
    // keytar as installed on this (Linux or macOS x64) machine: a binary for this machine only
    expect(windows?.[0]?.problem).toMatch(/built for (linux|darwin), the target is win32/);
    expect(arm?.[0]?.problem).toMatch(/the target is (arm64|linux)/);
    // better-sqlite3 carries every target's prebuild: the target's one passes
    expect(reports.every((r) => r.findings.every((f) => !f.shippedAs.includes('better-sqlite3')))).toBe(true);
  });

  it('an unpacked package: a wrong arch and a too-new glibc are findings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wld-unpacked-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'x', 'x.node'), pe(0xaa64));
    const [report] = auditTargets({ targets: ['win32-x64'], unpacked: dir });
    expect(report?.findings).toEqual([{ shippedAs: path.join('node_modules', 'x', 'x.node'), problem: 'built for arm64, the target is x64' }]);

    expect(auditFile(prebuild('linux-x64'), 'sqlite', { platform: 'linux', arch: 'x64' }, '2.31')).toEqual([
      { shippedAs: 'sqlite', problem: 'needs glibc 2.34, newer than the 2.31 the .deb declares' },
    ]);
  });
});
