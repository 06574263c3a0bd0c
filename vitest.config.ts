import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The keychain and the browser are shared resources; files run one at a time to keep them calm.
    fileParallelism: false,
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    coverage: {
      // Measured in CI (npm test with CI=true), where .ci/run prints it by folder.
      enabled: Boolean(process.env['CI']),
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The renderer runs in Chromium, where this process cannot measure it; its browser tests are
      // in test/renderer. The preload's entry runs only inside Electron.
      exclude: ['src/renderer/**', 'src/preload/index.ts', 'src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      // Floors a little under today's figures (core 94.9 %, main 70.2 %, cli 77.6 %), so coverage only rises.
      thresholds: {
        'src/core/**': { lines: 95 },
        'src/main/**': { lines: 85 },
        'src/cli/**': { lines: 85 },
      },
    },
  },
});
