// Layering, enforced per room. Each room lists what it must not import; rooms do not overlap.
//   renderer → shared (+ @wld/wecom-core/rules)        shared  → nothing of the app, no Node, no Electron
//   services → shared + wecom-core (+ the simulator for the Demo profile)
//   main     → shared (+ @wld/wecom-core/rules); Electron only in the files listed in ELECTRON_FILES,
//              so the browser host's imports of main's plain files cannot pull Electron in
//   preload  → shared + Electron
//   migrations import nothing from the live app (frozen); wecom-core imports neither the app nor the
//   simulator, and its rules (@wld/wecom-core/rules) import nothing at all.
const MAIN = 'apps/desktop/src/main';
const rule = 'no-restricted-imports';
const tsRule = '@typescript-eslint/no-restricted-imports';

/** Main's files that must import Electron (or electron-store / electron-log) at run time. */
const ELECTRON_FILES = [
  'app-context.ts',
  'app-identity.ts',
  'app-lifecycle.ts',
  'app-menu.ts',
  'app-protocol.ts',
  'index.ts',
  'ipc-router.ts',
  'main-handlers.ts',
  'paths.ts',
  'port-broker.ts',
  'safe-storage.ts',
  'security.ts',
  'services-host.ts',
  'settings-electron-store.ts',
  'startup-failure.ts',
  'system-proxy.ts',
  'windows.ts',
];

const electron = { group: ['electron', 'electron-*', 'electron/*'], message: 'Electron belongs in the files that must have it.' };
const node = { group: ['node:*'], message: 'No Node here: this room also runs in a browser.' };
const core = { name: '@wld/wecom-core', message: 'Only @wld/wecom-core/rules here (dependency-free).' };
const sim = { name: '@wld/wecom-sim', message: 'The simulator runs in the services only.' };
const coreDeep = { group: ['@wld/wecom-core/*', '!@wld/wecom-core/rules', '@wld/wecom-sim/*'], message: 'Only @wld/wecom-core/rules here.' };
const room = (name, message) => ({ group: [`**/${name}/**`, `**/${name}`], message });
const renderer = room('renderer', 'Only the renderer imports the renderer.');
const services = room('services', 'Reach the services through the contract (shared/), not by import.');
const main = room('main', 'Reach main through the preload bridge, not by import.');
const preload = room('preload', 'The preload is its own bundle.');

export const layering = [
  {
    name: 'layering/renderer',
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}'],
    rules: { [rule]: ['error', { paths: [core, sim], patterns: [node, electron, coreDeep, services, main, preload] }] },
  },
  {
    name: 'layering/shared',
    files: ['apps/desktop/src/shared/**/*.ts'],
    rules: { [rule]: ['error', { paths: [core, sim], patterns: [node, electron, coreDeep, services, main, preload, renderer] }] },
  },
  {
    name: 'layering/preload',
    files: ['apps/desktop/src/preload/**/*.ts'],
    rules: { [rule]: ['error', { paths: [core, sim], patterns: [node, coreDeep, services, main, renderer] }] },
  },
  {
    name: 'layering/services',
    files: ['apps/desktop/src/services/**/*.ts'],
    ignores: ['apps/desktop/src/services/cache/migrations/**'],
    rules: { [rule]: ['error', { patterns: [electron, main, renderer, preload] }] },
  },
  {
    name: 'layering/migrations',
    files: ['apps/desktop/src/services/cache/migrations/**/*.ts'],
    rules: {
      [tsRule]: [
        'error',
        {
          patterns: [
            { regex: '^(?!\\./|better-sqlite3$)', message: 'A migration is frozen: it imports only its siblings (and better-sqlite3 types).' },
          ],
        },
      ],
    },
  },
  {
    name: 'layering/main-electron',
    files: ELECTRON_FILES.map((f) => `${MAIN}/${f}`),
    rules: {
      [rule]: [
        'error',
        { paths: [core, sim], patterns: [coreDeep, renderer, preload, { regex: '/services(/(?!index\\.ts\\?modulePath$)|$)', message: 'Only the services entry (?modulePath) is imported by main.' }] },
      ],
    },
  },
  {
    name: 'layering/main-plain',
    files: [`${MAIN}/**/*.ts`],
    ignores: ELECTRON_FILES.map((f) => `${MAIN}/${f}`),
    rules: {
      [rule]: 'off',
      [tsRule]: [
        'error',
        {
          paths: [core, sim],
          patterns: [
            { ...electron, allowTypeImports: true },
            coreDeep,
            services,
            renderer,
            preload,
            {
              group: ELECTRON_FILES.map((f) => `./${f}`),
              allowTypeImports: true,
              message: 'A plain file of main must not import one that imports Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'layering/wecom-core',
    files: ['packages/wecom-core/src/**/*.ts'],
    ignores: ['packages/wecom-core/src/rules/**'],
    rules: { [rule]: ['error', { paths: [sim], patterns: [{ group: ['@wld/wecom-sim/*', '**/apps/**'], message: 'wecom-core stands alone.' }] }] },
  },
  {
    name: 'layering/wecom-core-rules',
    files: ['packages/wecom-core/src/rules/**/*.ts'],
    rules: { [rule]: ['error', { patterns: [{ regex: '^(?!\\./)', message: 'The rules module is dependency-free.' }] }] },
  },
];
