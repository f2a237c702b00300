// The few sentences main itself shows to people (services state, link refusals), in the app's
// two languages. Everything else main says goes to the log, in English.
import type { Settings } from '../shared/settings.ts';

type Language = Settings['language'];

const TEXT = {
  restarting: {
    'zh-CN': (code: number, seconds: number) =>
      `后台服务意外停止（退出码 ${code}），${seconds} 秒后重新启动。`,
    'en-US': (code: number, seconds: number) =>
      `The background services stopped unexpectedly (exit code ${code}); restarting in ${seconds} s.`,
  },
  gaveUp: {
    'zh-CN': (crashes: number, logs: string) =>
      `后台服务连续停止了 ${crashes} 次，已不再自动重启。日志位于 ${logs}。`,
    'en-US': (crashes: number, logs: string) =>
      `The background services stopped ${crashes} times in a row and were not restarted again. The log is in ${logs}.`,
  },
  switchingProfile: {
    'zh-CN': (name: string) => `正在切换到配置“${name}”。`,
    'en-US': (name: string) => `Switching to the profile "${name}".`,
  },
  noProfile: {
    'zh-CN': () => '当前没有启用的配置。',
    'en-US': () => 'No profile is active.',
  },
  linkNotAllowed: {
    'zh-CN': () => '只能从应用中打开企业微信管理后台和开发文档的页面。',
    'en-US': () => 'Only WeCom admin and documentation pages open from the app.',
  },
} as const;

export function restartingMessage(language: Language, code: number, delayMs: number): string {
  return TEXT.restarting[language](code, delayMs / 1000);
}

export function gaveUpMessage(language: Language, crashes: number, logsDir: string): string {
  return TEXT.gaveUp[language](crashes, logsDir);
}

export function switchingProfileMessage(language: Language, profileName: string | null): string {
  return profileName === null ? TEXT.noProfile[language]() : TEXT.switchingProfile[language](profileName);
}

export function linkNotAllowedMessage(language: Language): string {
  return TEXT.linkNotAllowed[language]();
}
