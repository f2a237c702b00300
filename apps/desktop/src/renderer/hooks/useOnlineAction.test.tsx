// Disabled actions say why: a wrong secret is said as such, not as "not configured" or "offline".
import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import i18n from '../i18n/index.ts';
import '../test-support/jsdom.ts';
import { useConnectionStore } from '../stores/connection.ts';
import { useOnlineAction } from './useOnlineAction.ts';

describe('useOnlineAction', () => {
  it('gives the wrong-secret sentence when WeCom refused the credentials', async () => {
    await i18n.changeLanguage('en-US');
    const message = 'WeCom refused the credentials: the app secret or corp ID is wrong; check them in Settings';
    useConnectionStore.setState({ state: 'unconfigured', lastError: { kind: 'wecom', code: 'WRONG_SECRET', errcode: 40001, message } });
    const { result } = renderHook(() => useOnlineAction());
    expect(result.current).toEqual({ disabled: true, reason: message });
  });

  it('keeps "not configured" when nothing is configured', async () => {
    await i18n.changeLanguage('en-US');
    useConnectionStore.setState({ state: 'unconfigured', lastError: null });
    const { result } = renderHook(() => useOnlineAction());
    expect(result.current.disabled).toBe(true);
    expect(result.current.reason).toBe(i18n.t('offline.reasonUnconfigured', { ns: 'common' }));
  });
});
