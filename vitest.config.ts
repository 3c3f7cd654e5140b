import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests that run a live media pipeline (a program FFmpeg, FFmpeg-fed producers) and judge it in
// real time. Two of them side by side on two cores starved each other's FFmpeg: its socket queues
// grew and segments came seconds late (issue #9). They run one file at a time, after the rest.
// The seeded hostile-input fuzzer (issue #10) measures this process's event loop and memory: it
// runs alone, after the rest (`npm run test:fuzz` runs just it).
const FUZZ = ['server/hostile/fuzz.test.ts'];
const REALTIME = [
  'server/broadcast/broadcast.test.ts',
  'server/broadcast/program-clock.test.ts',
  'server/broadcast/broadcasts.test.ts',
  'server/media/chamber-routing.test.ts',
  'server/drain-recording.integration.test.ts',
];

export default defineConfig({
  // graphql 16 has no "exports": Node's import gets its CommonJS build, Vite would pick index.mjs.
  // One copy only, or Pothos' types and ours come from two realms.
  // `@contract/*` is tsconfig.json's path to the contract shared with the client.
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: 'graphql/index.js' },
      { find: /^@contract\//, replacement: `${fileURLToPath(new URL('./contract/', import.meta.url))}` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'streaming/**/*.test.ts', 'fixtures/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...REALTIME, ...FUZZ],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: PGlite instances and mediasoup workers are heavy; two files at a time.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'realtime',
          include: REALTIME,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'fuzz',
          include: FUZZ,
          environment: 'node',
          testTimeout: 1_200_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
