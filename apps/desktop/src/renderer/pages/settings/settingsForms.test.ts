import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings.ts';
import { emptyProfileForm, makeProfileId, toSubmission, validateProfileForm } from './profileForm.ts';
import type { ProfileFormValues } from './profileForm.ts';
import { formToNetwork, networkToForm, numberRange, validateNetworkForm } from './networkForm.ts';

const valid: ProfileFormValues = {
  name: '总部',
  corpId: 'ww1234abcd',
  baseUrl: '',
  liveAnchors: [],
  apps: [{ name: 'live-desk', agentId: 1000002, secret: 'S3cret-xyz' }],
  contactsSecret: '',
};
const none = { storedSecrets: new Set<string>() };
const paths = (values: ProfileFormValues, ctx = none) => validateProfileForm(values, ctx).map((i) => `${i.path.join('.')}:${i.key}`);

describe('profile form', () => {
  it('uses the shared schema messages for corpId and agentid', () => {
    const issues = validateProfileForm({ ...valid, corpId: 'ww 12', apps: [{ name: 'a', agentId: -3, secret: 'x' }] }, none);
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['corpId', 'corpId: letters and digits'],
      ['apps.0.agentId', 'agentid must be a positive integer'],
    ]);
  });

  it('requires a secret only where none is stored, and rejects reserved and duplicate app names', () => {
    expect(paths(emptyProfileForm())).toEqual(['name:validation.required', 'corpId:validation.corpIdRequired', 'apps.0.agentId:validation.agentId', 'apps.0.secret:validation.secretRequired']);
    const blank = { ...valid, apps: [{ name: 'live-desk', agentId: 1, secret: '' }] };
    expect(paths(blank)).toEqual(['apps.0.secret:validation.secretRequired']);
    expect(paths(blank, { storedSecrets: new Set(['live-desk']) })).toEqual([]);
    const twice = { ...valid, apps: [valid.apps[0]!, { ...valid.apps[0]!, name: 'contacts' }, { ...valid.apps[0]! }] };
    expect(paths(twice)).toEqual(['apps.1.name:validation.appNameReserved', 'apps.2.name:validation.appNameDuplicate']);
  });

  it('words every refused field in the user\'s language: address, secret, app and profile names', () => {
    const hostile = {
      ...valid,
      name: '名'.repeat(61),
      baseUrl: 'qyapi.weixin.qq.com',
      apps: [{ name: 'a/b', agentId: 1000002, secret: 's'.repeat(300) }],
      contactsSecret: 'c'.repeat(300),
    };
    expect(paths(hostile)).toEqual([
      'name:validation.profileName',
      'baseUrl:validation.url',
      'apps.0.name:validation.appName',
      'apps.0.secret:validation.secret',
      'contactsSecret:validation.secret',
    ]);
    // 72 letters: the corp ID's length is what is wrong, and its message says so
    expect(paths({ ...valid, corpId: `ww${'a'.repeat(70)}` })).toEqual(['corpId:validation.corpId']);
    expect(paths({ ...valid, baseUrl: 'ftp://qyapi.weixin.qq.com' })).toEqual(['baseUrl:validation.url']);
  });

  it('splits the values into a profile without secrets and the secrets to store', () => {
    const { profile, secrets } = toSubmission({ ...valid, contactsSecret: ' sync ' }, 'hq', null);
    expect(profile).toEqual({
      id: 'hq',
      name: '总部',
      kind: 'corp',
      corpId: 'ww1234abcd',
      apps: [{ name: 'live-desk', agentId: 1000002 }],
      hasContactsSecret: false,
    });
    expect(JSON.stringify(profile)).not.toContain('S3cret-xyz');
    expect(secrets).toEqual({ 'live-desk': 'S3cret-xyz', contacts: 'sync' });
  });

  it('keeps the lives anchors, each once', () => {
    const { profile } = toSubmission({ ...valid, liveAnchors: ['lisi', 'zhangsan', 'lisi'] }, 'hq', null);
    expect(profile.liveAnchors).toEqual(['lisi', 'zhangsan']);
    expect(toSubmission(valid, 'hq', null).profile).not.toHaveProperty('liveAnchors');
  });

  it('makes ids the schema accepts, unique among the taken ones', () => {
    expect(makeProfileId('Head Office', new Set())).toBe('head-office');
    expect(makeProfileId('Head Office', new Set(['head-office']))).toBe('head-office-2');
    expect(makeProfileId('总部', new Set(), 1_700_000_000_000)).toMatch(/^corp-[a-z0-9]+$/);
    expect(makeProfileId('Demo', new Set())).not.toBe('demo');
  });
});

describe('network form', () => {
  it('round-trips the stored network settings', () => {
    const network = { ...defaultSettings().network, gatewayHeaders: { 'X-Gateway-Key': 'k' }, proxyUrl: 'http://proxy.local:8080' };
    expect(formToNetwork(networkToForm(network))).toEqual(network);
  });

  it('checks URLs and the schema ranges, naming the limits', () => {
    const values = { ...networkToForm(defaultSettings().network), baseUrl: 'not a url', timeoutMs: 10, maxRetries: null };
    const issues = validateNetworkForm(values);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['baseUrl', 'timeoutMs', 'maxRetries']);
    expect(issues[1]?.values).toEqual(numberRange('timeoutMs'));
    expect(numberRange('timeoutMs')).toEqual({ min: 1000, max: 300_000 });
  });

  it('refuses an address with a space or an impossible port, as main does', () => {
    const network = networkToForm(defaultSettings().network);
    // a space anywhere (Chromium's parser takes one in the host, Node's in the path)
    for (const address of ['  http://a b.com  ', 'http://host/a b', 'http://host:99999', `http://${'a'.repeat(3000)}.com`])
      expect(validateNetworkForm({ ...network, proxyUrl: address }).map((i) => `${i.path.join('.')}:${i.key}`)).toEqual(['proxyUrl:validation.url']);
  });

  it('rejects malformed and duplicate header names', () => {
    const values = {
      ...networkToForm(defaultSettings().network),
      gatewayHeaders: [
        { name: 'X-Key', value: '1' },
        { name: 'x-key', value: '2' },
        { name: 'bad header', value: '3' },
      ],
    };
    expect(validateNetworkForm(values).map((i) => `${i.path.join('.')}:${i.key}`)).toEqual([
      'gatewayHeaders.1.name:validation.headerDuplicate',
      'gatewayHeaders.2.name:validation.headerName',
    ]);
  });
});
