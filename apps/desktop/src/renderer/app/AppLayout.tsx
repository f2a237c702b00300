// The main window's frame: left navigation, a top bar (connection, sync), banners, then the page.
import { useEffect, useRef, useState } from 'react';
import { Flex, Layout, Menu, Typography, theme } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NAV_ITEMS, navKeyForPath } from './nav.ts';
import { AppRoutes } from './routes.tsx';
import { ProfileScopeGate } from './ProfileScopeGate.tsx';
import { BotStatusBadge } from './BotStatusBadge.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { ActiveCorp } from './ActiveCorp.tsx';
import { SyncButton } from './SyncButton.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';
import { ServicesNotice } from './ServicesNotice.tsx';
import { ProductMark } from './ProductMark.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { useScreenScroll } from './useScreenScroll.ts';
import { takeStartRoute } from './startRoute.ts';
import { NoticeDialog } from '../pages/notices/NoticeDialog.tsx';
import { mark } from '../perf/timeline.ts';
import { useAfterFirstCommit } from '../hooks/useAfterFirstCommit.ts';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The menu's selection: none on a page it has no item for. */
const selectedNavKeys = (pathname: string) => {
  const key = navKeyForPath(pathname);
  return key ? [key] : [];
};

/**
 * The navigation menu and the header's status badges (antd Menu, tooltips, dropdown: a quarter of the
 * window's first render) follow the first commit, which carries the page and its data, in a frame or
 * two. Their places keep their size, so nothing moves when they arrive.
 */
function useChromeAfterFirstCommit(): boolean {
  const ready = useAfterFirstCommit();
  useEffect(() => {
    if (ready) mark('wld:boot:chrome');
  }, [ready]);
  return ready;
}

export function AppLayout() {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const chrome = useChromeAfterFirstCommit();
  const content = useRef<HTMLElement>(null);
  useGlobalShortcuts();
  useScreenScroll(content);
  useEffect(() => {
    const start = takeStartRoute();
    if (start) void navigate(start, { replace: true });
  }, [navigate]);

  const items = NAV_ITEMS.map((item, index) => ({
    key: item.key,
    icon: <item.icon />,
    title: `${t(`nav.${item.key}`)} (${isMac ? '⌘' : 'Ctrl+'}${index + 1})`,
    label: (
      <span data-testid={`nav-${item.key}`} aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+${index + 1}`}>
        {t(`nav.${item.key}`)}
      </span>
    ),
  }));

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={200}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Flex align="center" gap={8} style={{ height: 56, padding: '0 20px', overflow: 'hidden' }}>
          <ProductMark size={24} />
          {collapsed ? null : (
            <Typography.Text strong ellipsis>
              {t('appName')}
            </Typography.Text>
          )}
        </Flex>
        <nav aria-label={t('appName')}>
          {chrome ? (
            <Menu
              mode="inline"
              selectedKeys={selectedNavKeys(location.pathname)}
              items={items}
              onClick={({ key }) => {
                const target = NAV_ITEMS.find((item) => item.key === key);
                if (target) void navigate(target.path);
              }}
              style={{ borderInlineEnd: 'none' }}
            />
          ) : null}
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            height: 56,
            lineHeight: '56px',
            padding: '0 20px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Flex justify="flex-end" align="center" gap={20} style={{ height: '100%' }}>
            {chrome ? (
              <>
                <span style={{ marginInlineEnd: 'auto', minWidth: 0, display: 'flex' }}>
                  <ActiveCorp />
                </span>
                <BotStatusBadge />
                <ConnectionIndicator />
                <SyncButton />
              </>
            ) : null}
          </Flex>
        </Layout.Header>
        <ServicesNotice />
        <OfflineBanner />
        {/* Layout.Content renders the page's <main> landmark. */}
        <Layout.Content ref={content} style={{ overflow: 'auto', padding: 20 }} id="main-content" tabIndex={-1}>
          <ProfileScopeGate>
            <AppRoutes />
            <NoticeDialog />
          </ProfileScopeGate>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
