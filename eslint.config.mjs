// @ts-check
import { readdirSync } from 'node:fs';
import eslint from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const CORE = 'libs/core/src';

/** Folders directly under libs/core/src, read at lint time so that a new feature is covered too. */
const coreFolders = readdirSync(new URL(`./${CORE}`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Whether a folder holds a TypeORM entity (`*.entity.ts`) at any depth. */
function holdsEntities(folder) {
  return readdirSync(new URL(`./${CORE}/${folder}`, import.meta.url), { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.entity.ts'));
}

/** The features that own tables: their entities are written by their own services only. */
const tableOwners = coreFolders.filter(holdsEntities);

/** Files the ownership rule leaves alone: the entities' own relations, the tests' fixtures and the demo's bulk seed. */
const OWNERSHIP_EXEMPT = ['**/*.entity.ts', '**/*.spec.ts', '**/*.int-spec.ts', `${CORE}/testing/**`, `${CORE}/demo/**`];

/** Another feature's entities may be imported as types only; their rows are reached through that feature's services. */
function foreignEntityPatterns(folder) {
  return tableOwners
    .filter((owner) => owner !== folder)
    .map((owner) => ({
      group: [`**/${owner}/*.entity`, `**/${owner}/**/*.entity`],
      allowTypeImports: true,
      message: `The ${owner} feature owns these tables: call its services (import type is fine for typing).`,
    }));
}

/** What the domain (libs/core outside api/ folders) may not import. */
const DOMAIN_PATTERNS = [
  { group: ['**/api', '**/api/**', './api/**', '../api/**'], message: 'The domain never imports the API layer (api/ folders): move the type it needs into the feature, e.g. <feature>.commands.ts.' },
  {
    group: ['@nestjs/graphql', '@nestjs/apollo', '@nestjs/passport', 'passport', 'passport-*', 'graphql', 'graphql-*', '@apollo/*', 'dataloader', 'express'],
    message: 'GraphQL and HTTP belong to the API layer (api/ folders), not the domain.',
  },
];

/**
 * Each feature owns its tables. One pair of blocks per folder under libs/core/src: its domain files
 * keep the domain's restrictions and may not import other features' entities as values; its api/
 * files may not either. (A later block replaces a rule's options, so the domain patterns are repeated.)
 */
const ownershipBlocks = coreFolders
  .filter((folder) => folder !== 'testing' && folder !== 'demo')
  .flatMap((folder) => [
    {
      files: [`${CORE}/${folder}/**/*.ts`],
      ignores: [...OWNERSHIP_EXEMPT, `${CORE}/**/api/**`],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...DOMAIN_PATTERNS, ...foreignEntityPatterns(folder)] }] },
    },
    {
      files: [`${CORE}/${folder}/**/api/**/*.ts`, ...(folder === 'api' ? [`${CORE}/api/**/*.ts`] : [])],
      ignores: OWNERSHIP_EXEMPT,
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: foreignEntityPatterns(folder) }] },
    },
  ]);

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
    files: [`${CORE}/**/*.ts`],
    ignores: [`${CORE}/**/api/**`, `${CORE}/index.ts`, `${CORE}/testing/**`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: DOMAIN_PATTERNS }] },
  },
  ...ownershipBlocks,
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
    // Hooks in the same order on every render (a hook after an early return breaks the page), with every value they read.
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
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
