import { defineConfig } from 'vitest/config';

/**
 * `npm run test:hosted`: the unit tests a hosted CI runner (.github/workflows/desktop.yml) can run
 * from the repository alone. The full suite (`npm test`) needs ../shared beside the project (report
 * fixtures), Debian's Chromium and LibreOffice; those files stay out here and run in .ci/run.
 * On Windows also the Linux packaging proofs (readelf, bash post-install, the Linux afterPack) and the archive tests
 * that rely on POSIX file modes.
 */
const needsWorkplace = [
  'test/rollup/ooxml.test.ts',
  'test/reliability/hygiene.test.ts',
  'test/archive/agencies.test.ts',
  'test/archive/agency-name.test.ts',
  'test/archive/archive.test.ts',
  'test/trend/channels.test.ts',
];
const linuxOnly = ['test/packaging/package-dir.test.ts', 'test/packaging/deb.test.ts', 'test/packaging/glibc-floor.test.ts', 'test/packaging/fuses.test.ts', 'test/reliability/**', 'test/archive/**'];

export default defineConfig({
  test: {
    include: ['test/{packaging,startup,architecture,api,security,rollup,reliability,trend,archive}/**/*.test.ts'],
    exclude: [...needsWorkplace, ...(process.platform === 'win32' ? linuxOnly : []), '**/node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
