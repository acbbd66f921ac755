// Integration, e2e and browser tiers: one PostgreSQL per run, started by the global setup with the
// real migrations; each test seeds the rows it needs. `npm run test:db`.
const { shared } = require('./jest.shared');

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 30000,
  // Suites start real processes (the API, Chromium, an OpenID provider) and stop them when they
  // end; should one ever outlive its suite, the run still ends with its results instead of waiting.
  forceExit: true,
  // Each suite leaves some memory behind in its worker (modules Jest cannot release, such as the
  // password estimator's dictionaries): a worker above this after a suite is replaced by a fresh
  // one, so a full run never reaches the heap limit. Setting it also runs the suites in a worker
  // rather than in Jest's own process, even on two cores.
  workerIdleMemoryLimit: '1536MB',
  projects: [
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/*/src/**/*.int-spec.ts', '<rootDir>/libs/*/src/**/*.int-spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
    },
    {
      // The built web app (dist/web) served by the real API, driven in Debian's Chromium.
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/web/test/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/apps/web/test/testing/browser-timeout.ts'],
    },
  ],
};
