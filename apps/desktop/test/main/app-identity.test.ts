// On Windows the AppUserModelID (taskbar grouping, notifications) is the installer's appId.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { applyAppIdentity } from '../../src/main/app-identity.ts';
import { APP_ID } from '../../src/main/constants.ts';
import { app, resetFakeElectron } from './fake-electron.ts';

beforeEach(() => resetFakeElectron());

describe('app identity', () => {
  it('sets the AppUserModelID to the appId on Windows only', () => {
    applyAppIdentity('linux');
    expect(app.appUserModelId).toBeNull();
    applyAppIdentity('win32');
    expect(app.appUserModelId).toBe(APP_ID);
  });
});
