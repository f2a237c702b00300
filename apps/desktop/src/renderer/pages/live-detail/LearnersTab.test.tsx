// The required-learners editor keeps what the admin entered when a refresh of the tab fails (an org
// sync under way, the services restarting): the failure is said above the tab, the open editor stays.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { systemClock } from '@wld/clock';
import type { LiveTraining } from '../../../shared/training.ts';
import { RpcError } from '../../../shared/rpc-wire.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { liveFixture } from '../../test-support/live.ts';
import { renderWithQueries } from '../../test-support/queries.tsx';
import { LearnersTab } from './LearnersTab.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const now = Math.floor(systemClock.now() / 1000);
const live = liveFixture('lv1', { theme: '合规培训', livingStart: now - 7200, status: 2, viewerNum: 3 });
const noneRequired: LiveTraining = {
  livingid: 'lv1',
  required: null,
  requiredSource: null,
  threshold: 0.8,
  thresholdSource: 'default',
  ended: true,
  includesReplay: true,
  series: null,
  counts: { required: 0, completed: 0, partial: 0, absent: 0 },
  learners: [],
  byDepartment: [],
};

beforeEach(() => {
  fakeApi.reset();
  const asOf = { asOf: systemClock.now(), stale: false };
  fakeApi.handle('org.departments', () => ({ ...asOf, departments: [] }));
  fakeApi.handle('tags.list', () => ({ ...asOf, tags: [] }));
});

describe('LearnersTab', () => {
  it('keeps the open editor and what was typed in it when a refresh fails', async () => {
    const user = userEvent.setup();
    let failing = false;
    fakeApi.handle('training.live', () => {
      if (failing) throw new RpcError({ kind: 'internal', code: 'SERVICES_RESTARTING', message: 'the services are restarting' });
      return noneRequired;
    });
    renderWithQueries(
      <AntApp>
        <LearnersTab live={live} />
      </AntApp>,
    );
    await user.click(await screen.findByTestId('required-edit'));
    // who is not counted, said where the learners are chosen (the services leave them out: audience.ts)
    expect(screen.getByTestId('required-active-only')).toHaveTextContent('已禁用和已退出企业的成员不计为必修学员');
    const threshold = (await screen.findByTestId('required-threshold')) as HTMLInputElement;
    await user.type(threshold, '75');

    failing = true;
    fakeApi.emit('changed', { topics: ['org'] });
    await waitFor(() => expect(fakeApi.callsOf('training.live').length).toBeGreaterThan(1));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByTestId('required-editor')).toBeInTheDocument();
    expect((screen.getByTestId('required-threshold') as HTMLInputElement).value).toBe('75');
    expect(screen.getByTestId('learners-none')).toBeInTheDocument();
  });
});
