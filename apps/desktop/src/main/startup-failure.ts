// A start-up that throws must not leave a silent process holding the single-instance lock (every
// later start would then quit at once). Say what happened and where the log is, then exit.
import { app, dialog } from 'electron';
import type { AppLog } from './logger.ts';
import { PRODUCT_NAME } from './constants.ts';
import { reasonOf } from '../shared/error-reason.ts';

function reason(error: unknown): string {
  const text = reasonOf(error);
  return text.split('\n')[0]?.slice(0, 500) || 'unknown error';
}

/** Both languages: the settings (and so the chosen language) may be what could not be read. */
export function startupFailureText(error: unknown, logFile: string): { title: string; content: string } {
  const why = reason(error);
  return {
    title: `${PRODUCT_NAME} 无法启动 / could not start`,
    content:
      `启动时出错：${why}\n详细信息请查看日志：${logFile}\n\n` +
      `Start-up failed: ${why}\nThe details are in the log: ${logFile}`,
  };
}

/**
 * Logs the error, shows it in a dialog (on Linux before `ready` Electron prints it to stderr
 * instead), releases the single-instance lock and exits with code 1.
 */
export function failStartup(error: unknown, logFile: string, log: AppLog): void {
  try {
    log.error('start-up failed:', error);
  } catch {
    // the log itself may be what failed
  }
  const { title, content } = startupFailureText(error, logFile);
  try {
    dialog.showErrorBox(title, content);
  } catch {
    process.stderr.write(`${title}\n${content}\n`);
  }
  try {
    app.releaseSingleInstanceLock();
  } finally {
    app.exit(1);
  }
}
