import { defineConfig } from 'vitest/config';

// `npm run test:electron`: the Electron smoke test, kept out of the default run (it needs Electron's
// binary, which only machines that can download it have; CI installs it with install-electron).
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
