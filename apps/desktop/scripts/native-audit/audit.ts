// The checks of one .node file against one target: platform, architecture, and for Linux the
// newest glibc it needs against the glibc the .deb declares.
import { readFileSync } from 'node:fs';
import { compareVersions, inspectBinary } from './binary-format.ts';
import type { Target } from './builder-config.ts';

export interface AuditFinding {
  shippedAs: string;
  problem: string;
}

export function auditFile(file: string, shippedAs: string, target: Target, glibcCeiling: string | null): AuditFinding[] {
  let info;
  try {
    info = inspectBinary(readFileSync(file));
  } catch (error) {
    return [{ shippedAs, problem: `unreadable: ${(error as Error).message}` }];
  }
  const problems: string[] = [];
  if (info.platform !== target.platform) problems.push(`built for ${info.platform}, the target is ${target.platform}`);
  else if (!info.archs.includes(target.arch)) problems.push(`built for ${info.archs.join('+')}, the target is ${target.arch}`);
  if (target.platform === 'linux' && info.platform === 'linux' && info.glibc) {
    if (glibcCeiling === null) problems.push(`needs glibc ${info.glibc}, and the .deb declares no libc6 version`);
    else if (compareVersions(info.glibc, glibcCeiling) > 0)
      problems.push(`needs glibc ${info.glibc}, newer than the ${glibcCeiling} the .deb declares`);
  }
  return problems.map((problem) => ({ shippedAs, problem }));
}
