import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/out/**', '**/dist/**', '.tools/**', '**/test-results/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The browser host's page scripts are classic scripts shared by the page and Node.
    files: ['apps/desktop/browser-host/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        location: 'readonly',
        WebSocket: 'readonly',
        MessageChannel: 'readonly',
        btoa: 'readonly',
        atob: 'readonly',
        Buffer: 'readonly',
        globalThis: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    // The renderer reaches data only through the typed contract: no Node, Electron or wecom-core.
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', '@wld/wecom-core', '@wld/wecom-sim', '**/services/**', '**/main/**'] },
      ],
    },
  },
);
