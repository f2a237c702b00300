// The launcher window: product mark, real start-up steps with a determinate bar, errors with
// Retry / Continue offline, and the first-run choice. Talks to main only (window.wld).
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { DesktopBridge, MainEvents, MainMethod } from '../../../shared/contract.ts';
import { ProductMark } from '../ProductMark.tsx';
import { requestStartRoute } from '../startRoute.ts';
import { errorSentence, guessLanguage, noteText, stepLabel, translate } from './translate.ts';
import type { LauncherLanguage } from './translate.ts';

type Payload<E extends 'launcher.progress' | 'launcher.error'> = z.output<MainEvents[E]>;
type Progress = Payload<'launcher.progress'>;
type View =
  | { kind: 'progress' }
  | ({ kind: 'error' } & Payload<'launcher.error'>)
  | { kind: 'firstRun' };

type LauncherAction = Extract<MainMethod, 'launcher.retry' | 'launcher.continueOffline' | 'launcher.chooseDemo'>;

/** A failed call's sentence: main rejects with a plain ServiceError (an Error only from the bridge itself). */
function messageOf(e: unknown): string {
  const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(e);
}

export function Launcher({ bridge }: { bridge: DesktopBridge | undefined }) {
  const [lng, setLng] = useState<LauncherLanguage>(guessLanguage);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [view, setView] = useState<View>({ kind: 'progress' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const t = useCallback((key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(lng, key, values), [lng]);

  useEffect(() => {
    if (!bridge) return;
    bridge.invoke('settings.get', {}).then(
      (s) => setLng(s.language),
      () => {},
    );
    const offs = [
      bridge.subscribe('launcher.progress', (p) => {
        setProgress(p);
        setView({ kind: 'progress' });
      }),
      bridge.subscribe('launcher.error', (e) => setView({ kind: 'error', ...e })),
      bridge.subscribe('launcher.firstRun', () => setView({ kind: 'firstRun' })),
      bridge.subscribe('settings.changed', (s) => setLng(s.language)),
    ];
    return () => offs.forEach((off) => off());
  }, [bridge]);

  useEffect(() => {
    document.documentElement.lang = lng;
    document.title = translate(lng, 'title');
  }, [lng]);

  const act = (method: LauncherAction, after?: () => void) => {
    if (!bridge || busy) return;
    setBusy(true);
    setActionError(null);
    after?.();
    bridge.invoke(method, {}).then(
      () => {
        setBusy(false);
        setView({ kind: 'progress' });
      },
      (e: unknown) => {
        setBusy(false);
        setActionError(t('actionFailed', { message: messageOf(e) }));
      },
    );
  };

  const label = progress ? stepLabel(lng, progress.label, progress.counts) : t('starting');
  const note = progress?.note ? noteText(lng, progress.note, progress.note.until === null ? '' : new Intl.DateTimeFormat(lng, { dateStyle: 'short', timeStyle: 'short' }).format(progress.note.until)) : null;
  const percent = progress ? Math.round((Math.min(progress.step, progress.total) / Math.max(1, progress.total)) * 100) : 0;

  return (
    <main className="launcher" data-testid="launcher" data-view={view.kind}>
      <header className="launcher-brand">
        <ProductMark size={44} />
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('subtitle')}</p>
        </div>
      </header>

      {view.kind === 'progress' ? (
        <section className="launcher-progress" aria-live="polite">
          <p className="launcher-label" data-testid="launcher-step">
            {note ? `${label} · ${note}` : label}
          </p>
          <div
            className="bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={label}
            data-testid="launcher-progress"
          >
            <div className="bar-fill" style={{ width: `${percent}%` }} />
          </div>
          <p className="muted small">{progress ? t('step', { step: progress.step, total: progress.total }) : ' '}</p>
        </section>
      ) : null}

      {view.kind === 'error' ? (
        <section className="launcher-error" role="alert" data-testid="launcher-error">
          <p className="launcher-label">{t('errorTitle')}</p>
          <p className="error-text">{view.error ? errorSentence(lng, view.error) : view.message}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} autoFocus onClick={() => act('launcher.retry')} data-testid="launcher-retry">
              {busy ? t('working') : t('retry')}
            </button>
            {view.canContinueOffline ? (
              <button type="button" disabled={busy} onClick={() => act('launcher.continueOffline')} data-testid="launcher-offline">
                {t('continueOffline')}
              </button>
            ) : null}
          </div>
        </section>
      ) : null}

      {view.kind === 'firstRun' ? (
        <section className="launcher-first-run" data-testid="launcher-first-run">
          <p className="launcher-label">{t('firstRunText')}</p>
          <div className="choices">
            <button type="button" className="choice primary" disabled={busy} autoFocus onClick={() => act('launcher.chooseDemo')} data-testid="launcher-demo">
              <strong>{t('demo')}</strong>
              <span>{t('demoHint')}</span>
            </button>
            <button
              type="button"
              className="choice"
              disabled={busy}
              onClick={() => act('launcher.chooseDemo', () => requestStartRoute('/settings'))}
              data-testid="launcher-corp"
            >
              <strong>{t('corp')}</strong>
              <span>{t('corpHint')}</span>
            </button>
          </div>
        </section>
      ) : null}

      {actionError ? (
        <p className="error-text small" role="alert">
          {actionError}
        </p>
      ) : null}
    </main>
  );
}
