// What main tells windows about itself: a stable code with params the renderer words (errors
// namespace), and plain English for the log and the `message` field.
import type { ServiceError } from '../shared/models.ts';

export function restartingMessage(code: number, delayMs: number): string {
  return `The background services stopped unexpectedly (exit code ${code}); restarting in ${delayMs / 1000} s.`;
}

export function gaveUpError(crashes: number, logsDir: string): ServiceError {
  return {
    kind: 'internal',
    code: 'SERVICES_GAVE_UP',
    params: { crashes, logs: logsDir },
    message: `The background services stopped ${crashes} times in a row and were not restarted again. The log is in ${logsDir}.`,
  };
}

export function switchingProfileMessage(profileName: string | null): string {
  return profileName === null ? 'No profile is active.' : `Switching to the profile "${profileName}".`;
}

export const LINK_NOT_ALLOWED = 'Only WeCom admin and documentation pages open from the app.';
