// ESLint for the whole repository: typescript-eslint with type information, and Plenum's layers
// written down once as import rules (STYLE.md, "declare Plenum's layers once in the lint config").
// A rule switched off or loosened here carries its reason beside it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const tsconfigRootDir = import.meta.dirname;

// ── Layers ────────────────────────────────────────────────────────────────────────────────────
// `@typescript-eslint/no-restricted-imports` matches the import's text, not the resolved file, so
// "a relative path that leaves folder F" depends on how deep the importing file sits in F. `layer`
// writes one block per depth: at depth d (files directly in F: d = 0) a path leaves F when it climbs
// d + 1 times. Every layer's block sets the whole rule, so layers must not overlap.

/** Packages that do I/O, run a server, or belong to the server's wiring. */
const ioPackages = [
  'kysely',
  'pg',
  '@electric-sql/pglite',
  'mediasoup',
  'koa',
  '@koa/.+',
  'graphql',
  'graphql-yoga',
  '@graphql-yoga/.+',
  'graphql-ws',
  '@pothos/.+',
  '@escape.tech/.+',
  'ws',
  'oidc-provider',
  'openid-client',
  'jose',
  'pdfkit',
  'prom-client',
  'ffmpeg-static',
];
const nodeBuiltins = ['node:.+', 'fs', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'tls', 'os', 'worker_threads', 'cluster', 'dns'];
/** A regex source matching any of `names` as a whole specifier or with a subpath, save `except`. */
const anyOf = (names, except = []) => `^${except.length ? `(?!(?:${except.join('|')})$)` : ''}(?:${names.join('|')})(?:/.*)?$`;
const browserBanned = [...nodeBuiltins, ...ioPackages.filter((p) => p !== 'graphql' && p !== 'graphql-ws')];

/** A regex source for "climbs out of a folder when written at depth d", unless it goes on to `except`. */
const leaves = (d, except = []) => `^(?:\\.\\./){${d + 1}}${except.length ? `(?!(?:${except.join('|')}))` : ''}`;

/**
 * One layer: `root` is its folder; `patterns(d)` gives the rule's patterns for a file at depth d.
 * `only`: globs of which a file must match one (as well as the depth) to be in this layer.
 */
function layer(name, root, maxDepth, patterns, { only = [], ignores = [] } = {}) {
  return Array.from({ length: maxDepth + 1 }, (_, d) => {
    const atDepth = `${root}/${'*/'.repeat(d)}*.ts`;
    return {
      name: `plenum/layer/${name}/depth-${d}`,
      files: only.length ? only.map((glob) => [atDepth, glob]) : [atDepth],
      ignores,
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns(d) }] },
    };
  });
}

const layers = [
  // server/domain: pure rules. No I/O packages, no Node built-in but hashing, nothing outside
  // server/domain but the contract and the fixtures (declarative data).
  ...layer('domain', 'server/domain', 3, (d) => [
    { regex: anyOf(ioPackages), message: 'server/domain is pure: no I/O packages (STYLE.md 7). Do the I/O in server/services.' },
    { regex: anyOf(nodeBuiltins, ['node:crypto']), message: 'server/domain is pure: of Node only node:crypto (hashing) is allowed.' },
    {
      regex: leaves(d, ['\\.\\./fixtures/']),
      message: 'server/domain imports only server/domain, @contract/* and fixtures/ (one-way flow: services call the domain).',
    },
  ]),
  // server/domain keeps no clock, no randomness and no process of its own: `now` and ids come in on the
  // command (STYLE.md 7), so a decision replays the same from the record. Its tests may use them.
  {
    name: 'plenum/layer/domain/no-clock',
    files: ['server/domain/**/*.ts'],
    ignores: ['server/domain/**/*.test.ts', 'server/domain/**/spec-support.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'performance', 'crypto'].map((name) => ({
          name,
          message: 'server/domain is pure: time, ids, timers and the process come in on the command.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'server/domain reads no clock: take `now` from the command.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'server/domain reads no clock: take `now` from the command.' },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'server/domain draws no random numbers: ids come in on the command.',
        },
      ],
    },
  },
  // streaming: its own port; it hears the server through what is handed to it, never by import.
  ...layer('streaming', 'streaming', 3, (d) => [
    { regex: `${leaves(d)}server(?:/|$)`, message: 'streaming/ does not import server/: pass what it needs in through its own interfaces.' },
  ]),
  // client: the browser. From outside client/ only the contract (as @contract/*); test code may
  // also read the shared fixtures. No Node built-ins, no server packages.
  ...layer(
    'client',
    'client',
    4,
    (d) => [
      { regex: leaves(d, ['contract/']), message: 'client/ imports from outside itself only the contract: use @contract/*.' },
      { regex: anyOf(browserBanned), message: 'client/ runs in the browser: no Node built-ins or server packages.' },
    ],
    { ignores: ['client/codegen/**', 'client/testing/**', 'client/**/*.spec.ts'] },
  ),
  ...layer(
    'client-tests',
    'client',
    4,
    (d) => [
      { regex: leaves(d, ['contract/', 'fixtures/']), message: 'client tests import from outside client/ only the contract and fixtures/.' },
      { regex: anyOf(browserBanned), message: 'client/ runs in the browser: no Node built-ins or server packages.' },
    ],
    { only: ['client/testing/**', 'client/**/*.spec.ts'] },
  ),
  // contract: shared by server and client, so it imports nothing but its own files (relative imports
  // that stay inside contract/; its folders are one level deep).
  ...[
    ['contract/*.ts', '^(?!\\./)'],
    ['contract/*/**/*.ts', '^(?!\\.\\.?/)|^\\.\\./\\.\\./'],
  ].map(([files, outside]) => ({
    name: `plenum/layer/${files}`,
    files: [files],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: outside, message: 'contract/ imports only its own files: it is compiled by server and client as it stands.' }] },
      ],
    },
  })),
];

export default defineConfig(
  {
    name: 'plenum/ignores',
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'coverage/**',
      'data/**',
      '.angular/**',
      'test-results/**',
      'tmp/**',
      'schema/**',
      '**/*.generated.ts',
      'client/public/**',
      'scripts/mediasoup-worker/subprojects/**',
    ],
  },
  {
    name: 'plenum/lint-options',
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'plenum/typescript',
    files: ['**/*.ts'],
    languageOptions: {
      // Server, streaming, contract, scripts, tests and benches: the root tsconfig.json;
      // client/codegen: its own tsconfig.json (the nearest one is used).
      parserOptions: { projectService: true, tsconfigRootDir },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A promise nobody awaits or catches is an unhandled rejection, and that ends the server.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `_name` marks a parameter or binding that is there for its position, not its value.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: an `async` method that implements a promise-returning interface (OIDC adapters, migration
      // providers, fakes) needs no await, and dropping `async` would turn its throws into sync throws.
      '@typescript-eslint/require-await': 'off',
      // Pothos plugins are typed by augmenting its global namespace (`declare global { namespace PothosSchemaTypes }`).
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    name: 'plenum/tests',
    files: ['**/*.test.ts', '**/*.spec.ts'],
    rules: {
      // Off in tests: vitest's asymmetric matchers (expect.any, objectContaining, stringMatching) are
      // typed `any`; an expected object holding one is not an unsafe value. Member access, calls and
      // arguments on `any` stay checked.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Off in tests: `expect(spy.method).toHaveBeenCalled()` hands the spy to a matcher, never calls it unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    name: 'plenum/migrations',
    files: ['server/db/migrations/**/*.ts'],
    rules: {
      // Migrations take Kysely<any>: frozen in time, they never see today's Database type (STYLE.md 4).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    name: 'plenum/client',
    files: ['client/app/**/*.ts', 'client/testing/**/*.ts', 'client/main.ts'],
    languageOptions: {
      // The client has no tsconfig.json of its own: the app's and the specs' tsconfigs hold its files.
      parserOptions: { projectService: false, project: ['client/tsconfig.app.json', 'client/tsconfig.spec.json'], tsconfigRootDir },
      globals: globals.browser,
    },
  },
  {
    name: 'plenum/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'plenum/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      // karma.conf.cjs is CommonJS because Karma loads it with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  ...layers,
);
