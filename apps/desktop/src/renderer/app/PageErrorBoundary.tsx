// A page whose code could not be loaded or failed while rendering: the frame, the menu and the other
// pages stay, and the page says what happened instead of the window going blank. Retry reloads the
// window, which loads the page's code again (React keeps a failed lazy page failed).
import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PagesScriptError } from './pages-script-loader.ts';
import { PAGE_FAILED } from './page-failed.ts';

interface State {
  error: Error | null;
}

interface Props {
  /** The route path: going to another page clears the failure (the page itself is not remounted). */
  resetKey: string;
  children: ReactNode;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error) {
    // one recognisable line for whoever watches the console
    console.error(PAGE_FAILED, error);
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}

function PageFailed({ error }: { error: Error }) {
  const { t } = useTranslation('common');
  return (
    <Result
      status="error"
      title={t('error.pageFailed')}
      subTitle={error instanceof PagesScriptError ? t('error.pagesScriptFailed') : error.message}
      extra={<Button onClick={() => location.reload()}>{t('error.retry')}</Button>}
      data-testid="page-failed"
    />
  );
}
