// The log: one rotating file in userData/logs for main and the services, every message redacted.
import fs from 'node:fs';
import path from 'node:path';
import type { LogFile, LogMessage, NodeLogger } from 'electron-log';
import { redactValue } from '@wld/wecom-core/rules';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface AppLog {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface LogOptions {
  logsDir: string;
  fileName?: string;
  /** Bytes before the file rotates. */
  maxSize?: number;
  /** Rotated files kept besides the current one: main.1.log (newest) … main.N.log. */
  keep?: number;
  consoleLevel?: LogLevel | false;
}

/** The electron-log hook: every argument of every message is redacted before any transport sees it. */
export function redactingHook(message: LogMessage): LogMessage {
  return { ...message, data: message.data.map((item) => redactValue(item)) };
}

/** Shifts main.log → main.1.log → main.2.log …, dropping the oldest. */
export function rotateLogFiles(current: string, keep: number): void {
  const { dir, name, ext } = path.parse(current);
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  fs.rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1));
  }
  fs.renameSync(current, numbered(1));
}

/** Points an electron-log logger (main's, or a Node one in tests) at the rotating, redacted file. */
export function configureLogger(logger: NodeLogger, options: LogOptions): string {
  const file = path.join(options.logsDir, options.fileName ?? 'main.log');
  fs.mkdirSync(options.logsDir, { recursive: true });
  const keep = options.keep ?? 3;
  logger.hooks.push(redactingHook);
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = options.maxSize ?? 5 * 1024 * 1024;
  logger.transports.file.level = 'debug';
  logger.transports.file.archiveLogFn = (oldFile: LogFile) => {
    try {
      rotateLogFiles(oldFile.path, keep);
    } catch {
      oldFile.clear();
    }
  };
  logger.transports.console.level = options.consoleLevel ?? 'info';
  return file;
}

/** Lines the services print (stdout/stderr) and their `log` messages, under the 'services' scope. */
export function servicesLog(logger: NodeLogger): (level: LogLevel, message: string) => void {
  const scoped = logger.scope('services');
  return (level, message) => scoped[level](message);
}
