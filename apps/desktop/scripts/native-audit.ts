// Native-module audit: every .node a package ships must be built for the target's platform and
// architecture, and on Linux need no newer glibc than the .deb declares.
//   node scripts/native-audit.ts                      each target of electron-builder.yml, against
//                                                     what the package would take from node_modules
//   node scripts/native-audit.ts --target linux-x64   one target only
//   node scripts/native-audit.ts --unpacked <dir> --target win32-arm64
//                                                     what electron-builder really packed (CI, after
//                                                     packaging: <dir> = …/app.asar.unpacked)
// Exit code 1 when anything is wrong; the report says what, per target.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditFile, type AuditFinding } from './native-audit/audit.ts';
import { declaredGlibc, exclusionsFor, readBuilderConfig, targetsOf, type Target } from './native-audit/builder-config.ts';
import { nodeFilesUnder, shippedNodeFiles } from './native-audit/collect.ts';

export interface TargetReport {
  target: string;
  files: string[];
  findings: AuditFinding[];
}

const appDir = path.resolve(import.meta.dirname, '..');

export function auditTargets(options: { targets?: string[]; unpacked?: string } = {}): TargetReport[] {
  const config = readBuilderConfig();
  const glibc = declaredGlibc(config);
  const all = targetsOf(config);
  const wanted = options.targets?.length
    ? options.targets.map((name) => {
        const [platform, arch] = name.split('-');
        return { platform, arch } as Target;
      })
    : all;
  return wanted.map((target) => {
    const files = options.unpacked
      ? nodeFilesUnder(options.unpacked).map((file) => ({ file, shippedAs: path.relative(options.unpacked!, file) }))
      : shippedNodeFiles(appDir, exclusionsFor(config, target));
    return {
      target: `${target.platform}-${target.arch}`,
      files: files.map((f) => f.shippedAs),
      findings: files.flatMap((f) => auditFile(f.file, f.shippedAs, target, glibc)),
    };
  });
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { target: { type: 'string', multiple: true }, unpacked: { type: 'string' } } });
  const reports = auditTargets({ ...(values.target ? { targets: values.target } : {}), ...(values.unpacked ? { unpacked: values.unpacked } : {}) });
  let failed = false;
  for (const report of reports) {
    const ok = report.findings.length === 0;
    failed ||= !ok;
    console.log(`${ok ? '✓' : '✗'} ${report.target}: ${report.files.length} native file(s)`);
    for (const finding of report.findings) console.log(`    ${finding.shippedAs}: ${finding.problem}`);
  }
  process.exitCode = failed ? 1 : 0;
}
