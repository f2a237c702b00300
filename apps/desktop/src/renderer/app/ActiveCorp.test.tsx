import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import '../i18n/index.ts';
import '../test-support/jsdom.ts';
import { DEMO_PROFILE, type Settings } from '../../shared/settings.ts';
import { usePreferencesStore } from '../stores/preferences.ts';
import { ActiveCorp } from './ActiveCorp.tsx';

const corp = { id: 'acme', name: '鼎盛实业', kind: 'corp' as const, corpId: 'wwacme', apps: [{ name: 'live', agentId: 1000002 }], hasContactsSecret: true };
const settingsWith = (activeProfileId: string) => ({ language: 'zh-CN', theme: 'light', profiles: [DEMO_PROFILE, corp], activeProfileId }) as unknown as Settings;

describe('ActiveCorp', () => {
  it('names the corp whose data the window shows, and follows a switch', () => {
    usePreferencesStore.getState().applySettings(settingsWith('acme'));
    const { rerender } = render(<ActiveCorp />);
    expect(screen.getByTestId('active-corp')).toHaveTextContent('鼎盛实业');
    usePreferencesStore.getState().applySettings(settingsWith('demo'));
    rerender(<ActiveCorp />);
    expect(screen.getByTestId('active-corp')).toHaveTextContent('演示企业');
  });
});
