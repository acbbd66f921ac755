// Unit tier: pure code, no database. `npm run test:unit`.
const { ESM_PACKAGES, shared } = require('./jest.shared');

/** @type {import('jest').Config} */
module.exports = {
  ...shared,
  displayName: 'unit',
  testMatch: ['<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // The map of Italy ships as an ES module in a .js file: compile that one package too.
  transform: { ...shared.transform, '^.+/@svg-maps/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true } }] },
  transformIgnorePatterns: [`/node_modules/(?!(@svg-maps|${ESM_PACKAGES.join('|')})/)`],
};
