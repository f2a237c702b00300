// Light/dark themes for antd, and 'system' resolved from the OS preference (followed live).
import { useEffect, useState } from 'react';
import { theme as antdTheme } from 'antd';
import type { ThemeConfig } from 'antd';

export type ThemeSetting = 'light' | 'dark' | 'system';
export type ThemeMode = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The class antd's CSS variables are scoped under (its components carry it; markup drawn with antd's classes too). */
export const ANTD_CSS_VAR_KEY = 'wld';

function systemMode(): ThemeMode {
  return typeof window !== 'undefined' && window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

export function useResolvedTheme(setting: ThemeSetting): ThemeMode {
  const [system, setSystem] = useState<ThemeMode>(systemMode);
  useEffect(() => {
    const query = window.matchMedia?.(DARK_QUERY);
    if (!query) return;
    const onChange = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return setting === 'system' ? system : setting;
}

/**
 * The main window's theme: styles come from the stylesheet built with staticThemeConfig
 * (build/antd-static-styles.ts), none are generated at run time.
 */
export function themeConfig(mode: ThemeMode): ThemeConfig {
  return { ...staticThemeConfig(mode), zeroRuntime: true };
}

/**
 * WeCom blue as the brand colour; dense controls for an admin console. Unhashed class names under a
 * fixed variable scope, so that the stylesheet built ahead of time matches the components.
 */
export function staticThemeConfig(mode: ThemeMode): ThemeConfig {
  return {
    hashed: false,
    cssVar: { key: ANTD_CSS_VAR_KEY },
    algorithm: mode === 'dark' ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm,
    token: {
      colorPrimary: '#0082ef',
      borderRadius: 6,
      // the app's one font stack (app/font-stack.css, loaded by every window before any script)
      fontFamily: 'var(--wld-font)',
    },
  };
}
