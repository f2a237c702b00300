// The left navigation, in order: Ctrl/Cmd+1..8 follow this order.
import type { ComponentType } from 'react';
import {
  ApiOutlined,
  ReadOutlined,
  BarChartOutlined,
  HomeOutlined,
  MessageOutlined,
  ApartmentOutlined,
  SettingOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';

export interface NavItem {
  key: 'home' | 'lives' | 'statistics' | 'training' | 'org' | 'messages' | 'apiUsage' | 'settings';
  path: string;
  icon: ComponentType;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', icon: HomeOutlined },
  { key: 'lives', path: '/lives', icon: VideoCameraOutlined },
  { key: 'statistics', path: '/statistics', icon: BarChartOutlined },
  { key: 'training', path: '/training', icon: ReadOutlined },
  { key: 'org', path: '/org', icon: ApartmentOutlined },
  { key: 'messages', path: '/messages', icon: MessageOutlined },
  { key: 'apiUsage', path: '/api-usage', icon: ApiOutlined },
  { key: 'settings', path: '/settings', icon: SettingOutlined },
];

/** The nav item a location belongs to ('/lives/abc' → lives); null for a page the menu has no item for (the bot log). */
export function navKeyForPath(pathname: string): NavItem['key'] | null {
  const match = NAV_ITEMS.find((item) =>
    item.path === '/' ? pathname === '/' || pathname === '' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return match?.key ?? null;
}
