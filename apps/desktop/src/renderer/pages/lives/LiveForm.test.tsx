import { systemClock } from '@wld/clock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries } from '../../test-support/queries.tsx';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import dayjs from 'dayjs';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { RpcError } from '../../../shared/rpc-wire.ts';
import { useConnectionStore } from '../../stores/connection.ts';
import { LiveForm, liveToFormValues } from './LiveForm.tsx';
import { liveFixture } from '../../test-support/live.ts';
import type { LiveFormResult } from './LiveForm.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const fresh = { asOf: 1_700_000_000_000, stale: false };

function renderForm(onDone = vi.fn<(r: LiveFormResult) => void>()) {
  renderWithQueries(
    <AntApp>
      <LiveForm
        initialValues={{ anchorUserid: 'zhangsan', start: dayjs(systemClock.now()).add(1, 'day').startOf('hour') }}
        knownUserLabels={{ zhangsan: '张三 (zhangsan)' }}
        onDone={onDone}
        onCancel={() => {}}
      />
    </AntApp>,
  );
  return { onDone, theme: screen.getByTestId('live-theme') as HTMLInputElement };
}

const themeError = () => screen.getByTestId('live-form').querySelector('#theme_help, [id$="theme_help"]');

beforeEach(() => {
  fakeApi.reset();
  fakeApi.handle('org.departments', () => ({ ...fresh, departments: [] }));
  fakeApi.handle('tags.list', () => ({ ...fresh, tags: [] }));
  fakeApi.handle('users.search', () => ({ ...fresh, total: 0, rows: [] }));
  fakeApi.handle('lives.list', () => ({ ...fresh, total: 0, lives: [] }));
  useConnectionStore.setState({ state: 'online', servicesState: null });
});

describe('LiveForm limits as the user types', () => {
  it('shows an error for a 21-character theme and the counter in characters and bytes', async () => {
    const user = userEvent.setup();
    const { theme } = renderForm();
    // Paste most of it (fast), then type the one character that crosses the limit.
    await user.click(theme);
    await user.paste('a'.repeat(20));
    expect(screen.getByTestId('theme-counter')).toHaveTextContent('20/20 字 · 20/60 字节');
    await user.type(theme, 'a');
    await waitFor(() => expect(themeError()).toHaveTextContent('主题最多 20 个字，现在 21 个'));
    expect(screen.getByTestId('theme-counter')).toHaveTextContent('21/20 字 · 21/60 字节');

    await user.type(theme, '{Backspace}');
    await waitFor(() => expect(themeError()?.textContent ?? '').not.toContain('主题最多'));
    expect(screen.getByTestId('theme-counter')).toHaveTextContent('20/20 字 · 20/60 字节');
  });

  it('counts a Chinese character as 3 bytes: 20 fit exactly, emoji overflow the 60 bytes first', async () => {
    const user = userEvent.setup();
    const { theme } = renderForm();
    await user.click(theme);
    await user.paste('直'.repeat(19));
    await user.type(theme, '直');
    expect(screen.getByTestId('theme-counter')).toHaveTextContent('20/20 字 · 60/60 字节');
    await waitFor(() => expect(themeError()?.textContent ?? '').toBe(''));

    await user.clear(theme);
    // 16 characters but 64 bytes (an emoji is 4 bytes in UTF-8)
    await user.paste('😀'.repeat(15));
    await user.type(theme, '😀');
    expect(screen.getByTestId('theme-counter')).toHaveTextContent('16/20 字 · 64/60 字节');
    await waitFor(() => expect(themeError()).toHaveTextContent('主题最多 60 字节（一个汉字 3 字节），现在 64 字节'));
  });

  it('requires a theme once the user clears it', async () => {
    const user = userEvent.setup();
    const { theme } = renderForm();
    await user.type(theme, 'x');
    await user.clear(theme);
    await waitFor(() => expect(themeError()).toHaveTextContent('请填写直播主题'));
  });
});

describe('LiveForm submit', () => {
  it('sends lives.create with WeCom units (seconds) and a trimmed theme', async () => {
    const user = userEvent.setup();
    fakeApi.handle('lives.create', () => ({ livingid: 'lv_new' }));
    const { onDone, theme } = renderForm();
    await user.type(theme, '  新员工培训  ');
    await user.click(screen.getByTestId('live-submit'));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const [call] = fakeApi.callsOf('lives.create');
    expect(call?.input).toMatchObject({
      anchorUserid: 'zhangsan',
      theme: '新员工培训',
      livingDuration: 3600,
      type: 0,
      remindTime: 900,
      audience: null,
    });
    // the audience is asked afterwards, with a preview (the notice dialog), never sent by the create
    expect(call?.input).not.toHaveProperty('notifyAudience');
    expect((call?.input as { livingStart: number }).livingStart).toBe(dayjs(systemClock.now()).add(1, 'day').startOf('hour').unix());
    expect(onDone.mock.calls[0]?.[0]).toEqual({
      kind: 'created',
      output: { livingid: 'lv_new' },
      startMs: dayjs(systemClock.now()).add(1, 'day').startOf('hour').valueOf(),
    });
  });

  it('keeps what the user typed and shows the errcode in words when WeCom refuses', async () => {
    const user = userEvent.setup();
    fakeApi.handle('lives.create', () => {
      throw new RpcError({
        kind: 'wecom',
        code: 'WECOM_92008',
        errcode: 92008,
        params: { errmsg: 'no privilege', endpoint: '/cgi-bin/living/create' },
        message: 'This app has no right to this living',
        details: 'errmsg: no privilege',
      });
    });
    const { onDone, theme } = renderForm();
    await user.type(theme, '季度复盘');
    await user.click(screen.getByTestId('live-submit'));

    const alert = await screen.findByTestId('error-alert');
    // worded from the shared errcode table, in the app's language
    expect(alert).toHaveTextContent('当前应用无权操作这个直播（错误码 92008）');
    expect(theme.value).toBe('季度复盘');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(within(alert).getByRole('button', { name: '详情' }));
    expect(screen.getByTestId('error-details')).toHaveTextContent('errmsg: no privilege');
  });

  it('Enter in a field does not submit; a double click sends one create', async () => {
    const user = userEvent.setup();
    let release: () => void = () => {};
    fakeApi.handle('lives.create', () => new Promise((resolve) => (release = () => resolve({ livingid: 'lv_once' }))));
    const { onDone, theme } = renderForm();
    await user.type(theme, '安全生产{Enter}');
    await user.click(screen.getByTestId('live-duration'));
    await user.keyboard('{Enter}');
    expect(fakeApi.callsOf('lives.list')).toHaveLength(0);
    expect(fakeApi.callsOf('lives.create')).toHaveLength(0);

    await user.dblClick(screen.getByTestId('live-submit'));
    await waitFor(() => expect(fakeApi.callsOf('lives.create')).toHaveLength(1));
    release();
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(fakeApi.callsOf('lives.create')).toHaveLength(1);
  });

  it('asks before creating a live that repeats one within the hour, and creates nothing when declined', async () => {
    const user = userEvent.setup();
    const start = dayjs(systemClock.now()).add(1, 'day').startOf('hour');
    fakeApi.handle('lives.list', () => ({
      ...fresh,
      total: 1,
      lives: [{ livingid: 'lv_same', theme: '信息安全意识', anchorUserid: 'ZhangSan', livingStart: start.unix() + 1800, status: 0 } as never],
    }));
    fakeApi.handle('lives.create', () => ({ livingid: 'x' }));
    const { onDone, theme } = renderForm();
    await user.type(theme, '信息安全意识');
    await user.click(screen.getByTestId('live-submit'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('已有一场相同的直播');
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(screen.getByTestId('live-submit')).not.toBeDisabled());
    expect(fakeApi.callsOf('lives.create')).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('does not submit an invalid theme', async () => {
    const user = userEvent.setup();
    fakeApi.handle('lives.create', () => ({ livingid: 'x' }));
    const { onDone, theme } = renderForm();
    await user.click(theme);
    await user.paste('b'.repeat(25));
    await user.click(screen.getByTestId('live-submit'));
    await waitFor(() => expect(themeError()).toHaveTextContent('主题最多 20 个字'));
    expect(fakeApi.callsOf('lives.create')).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('disables submitting offline and says why', () => {
    useConnectionStore.setState({ state: 'offline' });
    renderForm();
    const submit = screen.getByTestId('live-submit');
    expect(submit).toBeDisabled();
    expect(submit).toHaveAttribute('aria-description', '离线时无法操作，需要连接企业微信');
  });

  it("keeps WeCom's reminder when it is not known here: the field says so and a save leaves it out", async () => {
    const user = userEvent.setup();
    const live = liveFixture('lv_synced', { remindTime: null });
    fakeApi.handle('lives.modify', () => ({ live }));
    const onDone = vi.fn<(r: LiveFormResult) => void>();
    renderWithQueries(
      <AntApp>
        <LiveForm live={live} initialValues={liveToFormValues(live, null)} onDone={onDone} onCancel={() => {}} />
      </AntApp>,
    );
    expect(screen.getByTestId('live-remind')).toHaveTextContent('保持企业微信中的设置');
    await user.type(screen.getByTestId('live-theme'), '（改）');
    await user.click(screen.getByTestId('live-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [call] = fakeApi.callsOf('lives.modify');
    expect(call?.input).toMatchObject({ livingid: 'lv_synced', theme: `${live.theme}（改）` });
    expect(call?.input).not.toHaveProperty('remindTime');
  });

  it("names an edit's audience members in their chips, not by userid", async () => {
    const live = liveFixture('lv_members');
    fakeApi.handle('users.byIds', ({ userids }) => ({
      users: userids.filter((id) => id === 'lisi').map((userid) => ({ userid, name: '李四', position: '讲师', status: 1 as const, mainDepartment: 1, departments: [1] })),
    }));
    renderWithQueries(
      <AntApp>
        <LiveForm
          live={live}
          initialValues={liveToFormValues(live, { userids: ['lisi', 'gone'], departmentIds: [], tagIds: [] })}
          onDone={() => {}}
          onCancel={() => {}}
        />
      </AntApp>,
    );
    const members = screen.getByTestId('audience-users');
    await waitFor(() => expect(members).toHaveTextContent('李四'));
    expect(members).not.toHaveTextContent('lisi');
    // someone the cache no longer holds keeps their userid
    expect(members).toHaveTextContent('gone');
    expect(fakeApi.callsOf('users.byIds').map((c) => c.input)).toContainEqual({ userids: ['lisi', 'gone'] });
  });
});
