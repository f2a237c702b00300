import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layering } from './eslint.layering.js';

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
  ...layering,
  {
    // One clock: production code takes "now" from @wld/clock (or an injected clock), never from the
    // wall clock itself, so WLD_FAKE_NOW and the tests' clocks reach everything.
    files: ['packages/*/src/**/*.ts', 'apps/desktop/src/**/*.{ts,tsx}', 'apps/desktop/browser-host/**/*.ts'],
    ignores: ['packages/clock/src/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Take "now" from @wld/clock or an injected clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take "now" from @wld/clock or an injected clock.' },
        { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: 'dayjs() reads the wall clock: pass now() from @wld/clock.' },
      ],
    },
  },
);
