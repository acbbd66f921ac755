// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.data/**', 'apps/web/dist/**', 'apps/web/src/gql/generated.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/libs/**', '**/apps/**'], message: 'Import across projects through the @vec/* path aliases.' }] }],
    },
  },
  {
    // Libraries never depend on applications.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '**/libs/**'], message: 'libs/ never import apps/, and reach other libs through @vec/* aliases.' }] }],
    },
  },
  {
    // The domain (libs/core outside api/ folders) knows nothing of GraphQL or HTTP: resolvers,
    // models, inputs, error mappings and controllers live in api/ folders on top of it.
    files: ['libs/core/src/**/*.ts'],
    ignores: ['libs/core/src/**/api/**', 'libs/core/src/index.ts', 'libs/core/src/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/api', '**/api/**', './api/**', '../api/**'], message: 'The domain never imports the API layer (api/ folders): move the type it needs into the feature, e.g. <feature>.commands.ts.' },
            {
              group: ['@nestjs/graphql', '@nestjs/apollo', '@nestjs/passport', 'passport', 'passport-*', 'graphql', 'graphql-*', '@apollo/*', 'dataloader', 'express'],
              message: 'GraphQL and HTTP belong to the API layer (api/ folders), not the domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The matching engine is pure: plain data in, plain data out.
    files: ['libs/matching/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**', '**/libs/**'], message: 'libs/ never import apps/, and reach other libs through @vec/* aliases.' },
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'graphql', 'pg', 'class-validator', 'class-transformer', 'dataloader', 'node:*', 'fs', 'http', 'net', 'crypto', '@vec/core', '@vec/core/*', '@vec/database', '@vec/database/*'], message: 'libs/matching must stay free of frameworks and I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'The engine takes `now` as an argument.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The engine is deterministic.' }],
    },
  },
  {
    // The engine's benchmark drives it from Node (child processes, timings); the engine itself stays pure.
    files: ['libs/matching/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '**/libs/**'], message: 'libs/ never import apps/, and reach other libs through @vec/* aliases.' }] }],
    },
  },
  {
    // The web app runs in the browser (its tests and build scripts stay on Node).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.spec.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS configuration files (Jest).
    files: ['*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
