// Settings common to every test tier.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const ESM_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];
exports.ESM_PACKAGES = ESM_PACKAGES;

exports.shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // Type-checking is `npm run typecheck`; with isolatedModules tests compile file by file, fast.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    // openid-client and its dependencies are ES modules, which Node.js require()s but Jest's
    // CommonJS runtime cannot: compile them to CommonJS (libs/core/src/auth/oidc/openid-client.ts).
    [`^.+/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
};
