import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodeLog from 'electron-log/node';
import { describe, expect, it } from 'vitest';
import { configureLogger, rotateLogFiles } from '../../src/main/logger.ts';
import { REDACTED, redactText, redactValue } from '@wld/wecom-core/rules';

const TOKEN = 'accesstokenVALUE_0123456789';
const SECRET = 'corpsecretVALUE_abcdefghij';

describe('redactText', () => {
  it.each([
    [
      `GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=${SECRET}`,
      'corpid=ww1&corpsecret=[redacted]',
    ],
    [`POST /cgi-bin/message/send?access_token=${TOKEN}&debug=1`, 'access_token=[redacted]&debug=1'],
    [`{"errcode":0,"access_token":"${TOKEN}","expires_in":7200}`, `"access_token":"${REDACTED}"`],
    [`{ corpsecret: '${SECRET}', corpid: 'ww1' }`, `corpsecret: '${REDACTED}'`],
    [`{"contactsSecret": "${SECRET}"}`, `"contactsSecret": "${REDACTED}"`],
    [`suite_access_token=${TOKEN}`, 'suite_access_token=[redacted]'],
    [`Authorization: Bearer ${TOKEN}`, `Bearer ${REDACTED}`],
    [`EncodingAESKey=${SECRET}`, 'EncodingAESKey=[redacted]'],
    [`{"jsapi_ticket":"${TOKEN}"}`, `"jsapi_ticket":"${REDACTED}"`],
  ])('%s', (input, expected) => {
    const out = redactText(input);
    expect(out).toContain(expected);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(SECRET);
  });

  it('leaves ordinary text alone', () => {
    const text = 'synced 2,000 users in 120 departments; tokenRefreshes: 3; errcode 45009 (rate limit)';
    expect(redactText(text)).toBe(text);
  });

  it('handles escaped quotes inside a JSON secret', () => {
    const out = redactText('{"secret":"ab\\"cd' + SECRET + '","ok":true}');
    expect(out).not.toContain(SECRET);
    expect(out).toContain('"ok":true');
  });
});

describe('redactValue', () => {
  it('redacts secret keys and secret text at any depth, without touching the original', () => {
    const value = {
      corpId: 'ww1',
      apps: [{ name: 'live', secret: SECRET, agentId: 1000002 }],
      request: { url: `https://x/cgi-bin/user/get?access_token=${TOKEN}&userid=zhangsan` },
      stats: { tokenRefreshes: 3 },
      accessToken: TOKEN,
    };
    const copy = JSON.stringify(redactValue(value));
    expect(copy).not.toContain(SECRET);
    expect(copy).not.toContain(TOKEN);
    expect(copy).toContain('"tokenRefreshes":3');
    expect(copy).toContain('userid=zhangsan');
    expect(value.apps[0]?.secret).toBe(SECRET);
  });

  it('redacts error messages and stacks, and survives cycles', () => {
    const error = new Error(`gettoken failed for corpsecret=${SECRET}`);
    const redacted = redactValue(error) as Error;
    expect(redacted).toBeInstanceOf(Error);
    expect(redacted.message).not.toContain(SECRET);
    expect(redacted.stack ?? '').not.toContain(SECRET);
    const cyclic: Record<string, unknown> = { secret: SECRET };
    cyclic.self = cyclic;
    expect(JSON.stringify(redactValue(cyclic))).toBe(`{"secret":"${REDACTED}","self":"[circular]"}`);
  });
});

describe('the log file', () => {
  it('contains no secret whatever is logged: strings, objects, errors, services lines', () => {
    const logsDir = mkdtempSync(path.join(tmpdir(), 'wld-logs-'));
    const logger = nodeLog.create({ logId: `redaction-${Date.now()}` });
    const file = configureLogger(logger, { logsDir, consoleLevel: false });
    logger.info(`calling https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=${SECRET}`);
    logger.warn('token response', { access_token: TOKEN, expires_in: 7200 });
    logger.error(new Error(`refresh failed: {"access_token":"${TOKEN}"}`));
    logger.scope('services').info(`secrets loaded: {"contactsSecret":"${SECRET}"}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('gettoken?corpid=ww1&corpsecret=[redacted]');
    expect(text).toContain('expires_in');
    expect(text).toContain('(services)');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    expect(path.dirname(file)).toBe(logsDir);
  });

  it('rotates into numbered files and keeps only the newest ones', () => {
    const logsDir = mkdtempSync(path.join(tmpdir(), 'wld-logs-'));
    const current = path.join(logsDir, 'main.log');
    for (let generation = 1; generation <= 4; generation++) {
      writeFileSync(current, `generation ${generation}\n`);
      rotateLogFiles(current, 2);
    }
    expect(existsSync(current)).toBe(false);
    expect(readFileSync(path.join(logsDir, 'main.1.log'), 'utf8')).toBe('generation 4\n');
    expect(readFileSync(path.join(logsDir, 'main.2.log'), 'utf8')).toBe('generation 3\n');
    expect(existsSync(path.join(logsDir, 'main.3.log'))).toBe(false);
  });

  it('rotates when the file grows past maxSize', () => {
    const logsDir = mkdtempSync(path.join(tmpdir(), 'wld-logs-'));
    const logger = nodeLog.create({ logId: `rotation-${Date.now()}` });
    const file = configureLogger(logger, { logsDir, consoleLevel: false, maxSize: 2_000, keep: 2 });
    for (let i = 0; i < 100; i++) logger.info(`line ${i} ${'x'.repeat(50)}`);
    expect(existsSync(path.join(logsDir, 'main.1.log'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('line 99');
  });
});
