import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layering } from './eslint.layering.js';

const oneClock = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Take "now" from @wld/clock or an injected clock.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take "now" from @wld/clock or an injected clock.' },
  { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: 'dayjs() reads the wall clock: pass now() from @wld/clock.' },
];

/** The services' read methods, by their verb (`users.search`, `lives.get`, `cache.info`…). */
const READ_VERBS = [
  'list', 'get', 'search', 'status', 'state', 'stats', 'info', 'scope', 'history', 'statistics', 'overview',
  'home', 'now', 'members', 'departments', 'absentees', 'analytics', 'signups', 'log', 'watchStats',
];
const apiCall = "CallExpression[callee.object.name='api'][callee.property.name='call']";
const oneWayToRead = [
  {
    selector: `${apiCall}[arguments.0.value=/\\.(${READ_VERBS.join('|')})$/]`,
    message: 'Read through the query layer (useServiceQuery / useServicePages in renderer/hooks), not api.call: it caches, follows `changed` events and is cleared on a profile switch.',
  },
  { selector: `${apiCall}[arguments.0.type!='Literal']`, message: 'Name the services method literally, so reads and writes can be told apart.' },
];

/** One way to word a failure: errorText (the user's language, WeCom's errcodes), never the services' own English. */
const oneErrorSentence = [
  {
    selector: "MemberExpression[object.type='CallExpression'][object.callee.name='toServiceError'][property.name='message']",
    message: "Show errorText(e) (renderer/errors.ts): the services' message is English for the log, not the sentence a person reads.",
  },
];

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
    rules: { 'no-restricted-syntax': ['error', ...oneClock] },
  },
  {
    // One way for the renderer to read data: reads go through the query layer (renderer/hooks:
    // useServiceQuery, useServicePages), so the services' `changed` events refresh them and a profile
    // switch clears them. Elsewhere `api.call` is for writes only.
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    ignores: ['apps/desktop/src/renderer/hooks/**', 'apps/desktop/src/renderer/test-support/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...oneClock, ...oneWayToRead, ...oneErrorSentence] },
  },
);
