// The renderer words every failure from its code and params (errors namespace) or from WeCom's errcode
// (the shared table), in the app's language; the services' English message is only the last resort.
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import i18n from './i18n/index.ts';
import { errorText } from './errors.ts';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import type { ServiceError } from '../shared/models.ts';

const offlineWrite: ServiceError = { kind: 'offline', code: 'OFFLINE', params: { context: 'write' }, message: 'Offline: WeCom cannot be reached, nothing was changed' };
const notFound: ServiceError = { kind: 'not_found', code: 'LIVE_NOT_FOUND', params: { id: 'lv1' }, message: 'Not found (LIVE_NOT_FOUND): lv1' };
const invalidInput: ServiceError = {
  kind: 'validation',
  code: 'INVALID_INPUT',
  params: { method: 'lives.create', issues: 'theme: Too big' },
  message: 'Invalid input for lives.create: theme: Too big',
};
const wecom: ServiceError = {
  kind: 'wecom',
  code: 'WECOM_60020',
  errcode: 60020,
  params: { errmsg: 'not allow to access from your ip, from ip: 1.2.3.4', endpoint: '/cgi-bin/user/get' },
  message: 'IP not allowed',
};
const permission: ServiceError = {
  kind: 'wecom',
  code: 'WECOM_48002',
  errcode: 48002,
  params: { errmsg: 'api forbidden', endpoint: '/cgi-bin/message/send', app: 'desk-messages', agentId: 1000002, role: 'messages' },
  message: 'The app lacks a permission',
};
const http: ServiceError = { kind: 'network', code: 'HTTP_502', params: { endpoint: '/cgi-bin/gettoken', status: 502 }, message: 'HTTP 502' };
const uncoded: ServiceError = { kind: 'internal', code: 'SOMETHING_NEW', message: 'Something new failed' };

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('errorText', () => {
  it('words the services’ codes with their params in Chinese and in English', async () => {
    expect(errorText(offlineWrite)).toBe('当前离线：无法连接企业微信，未做任何更改');
    expect(errorText({ ...offlineWrite, params: { context: 'read' } })).toBe('当前离线：无法连接企业微信，请在连接恢复后重试');
    expect(errorText(notFound)).toBe('未找到该直播');
    expect(errorText(invalidInput)).toBe('lives.create 的输入无效：theme: Too big');
    expect(errorText(http)).toBe('企业微信或 API 网关返回 HTTP 502，请稍后重试或检查网关配置。');
    await i18n.changeLanguage('en-US');
    expect(errorText(offlineWrite)).toBe('Offline: WeCom cannot be reached, nothing was changed');
    expect(errorText(notFound)).toBe('This live was not found');
    expect(errorText(invalidInput)).toBe('Invalid input for lives.create: theme: Too big');
    expect(errorText(http)).toBe('WeCom or the API gateway answered HTTP 502. Try again later or check the gateway settings.');
  });

  it('words a WeCom errcode from the shared table, with the IP WeCom reported', async () => {
    expect(errorText(wecom)).toContain('（错误码 60020）');
    expect(errorText(wecom)).toContain('1.2.3.4');
    await i18n.changeLanguage('en-US');
    expect(errorText(wecom)).toContain('(errcode 60020)');
    expect(errorText(wecom)).toContain('1.2.3.4');
  });

  it('names the app that lacks a permission before the errcode’s sentence', async () => {
    expect(errorText(permission)).toMatch(/^应用「desk-messages」（AgentId 1000002，负责消息）缺少权限：.*48002/);
    await i18n.changeLanguage('en-US');
    expect(errorText(permission)).toMatch(/^The app "desk-messages" \(AgentId 1000002, used for messages\) lacks a permission: .*48002/);
  });

  it('words main’s own failures too (the services gave up after crashes)', async () => {
    const gaveUp: ServiceError = { kind: 'internal', code: 'SERVICES_GAVE_UP', params: { crashes: 4, logs: '/data/logs' }, message: 'stopped 4 times' };
    expect(errorText(gaveUp)).toBe('后台服务连续停止了 4 次，已不再自动重启。日志位于 /data/logs。');
    await i18n.changeLanguage('en-US');
    expect(errorText(gaveUp)).toBe('The background services stopped 4 times in a row and were not restarted again. The log is in /data/logs.');
  });

  it('words main’s refusals of settings and calls, and the training and notices refusals', async () => {
    const invalidSettings: ServiceError = { kind: 'validation', code: 'INVALID_SETTINGS', params: { field: 'network.timeoutMs', problem: 'Too small' }, message: 'Invalid settings' };
    const notEnded: ServiceError = { kind: 'validation', code: 'LIVE_NOT_ENDED', message: 'The live has not ended' };
    expect(errorText(invalidSettings)).toBe('设置没有保存：network.timeoutMs 的值无效（Too small）');
    expect(errorText(notEnded)).toBe('直播尚未结束，还没有缺席人员：结束后再提醒未参加的学员');
    await i18n.changeLanguage('en-US');
    expect(errorText(invalidSettings)).toBe('The settings were not saved: network.timeoutMs is not valid (Too small)');
    expect(errorText(notEnded)).toBe('The live has not ended, so nobody is absent yet: remind those who did not attend after it ends');
  });

  it('says when a repeated message went and when it could go again, and asks a reminder for a note', async () => {
    const sentAt = Date.parse('2026-12-07T20:15:00+08:00');
    const repeated: ServiceError = { kind: 'validation', code: 'MESSAGE_REPEATED', params: { sentAt, until: sentAt + 4 * 3600_000 }, message: 'repeated' };
    // in the machine's time zone, as every time in the app
    const at = (ms: number) => dayjs(ms).format('M/D HH:mm');
    await i18n.changeLanguage('en-US');
    const en = (ms: number) => dayjs(ms).format('M/D, HH:mm');
    expect(errorText(repeated)).toBe(
      `Not sent: the same message went to the same people at ${en(sentAt)}. WeCom delivers the same message once within 4 hours, so it would not reach them again: change its text to send it now, or send it after ${en(sentAt + 4 * 3600_000)}`,
    );
    expect(errorText({ ...repeated, params: { ...repeated.params, context: 'reminder' } })).toContain('add a note to send it now');
    await i18n.changeLanguage('zh-CN');
    expect(errorText({ ...repeated, params: { ...repeated.params, context: 'reminder' } })).toBe(
      `未发送：同样的提醒已于 ${at(sentAt)} 发给同样的人。企业微信 4 小时内对同样的消息只送达一次，再发不会送到：加一句备注即可立即发送，或在 ${at(sentAt + 4 * 3600_000)} 之后再发`,
    );
  });

  it('falls back to the message for a code it has no sentence for', () => {
    expect(errorText(uncoded)).toBe('Something new failed');
  });
});

describe('ErrorAlert', () => {
  it('shows the sentence in the app’s language', async () => {
    const { rerender } = render(<ErrorAlert error={notFound} />);
    expect(screen.getByRole('alert')).toHaveTextContent('未找到该直播');
    await i18n.changeLanguage('en-US');
    rerender(<ErrorAlert error={notFound} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This live was not found');
  });
});
