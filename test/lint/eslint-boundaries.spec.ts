import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The rule that each feature owns its tables (eslint.config.mjs): another feature's entity may be
// imported for typing only; its rows are reached through that feature's services. ESLint loads its
// ES-module config with a dynamic import, which Jest's module sandbox refuses, so the samples are
// linted by ESLint's Node API in a plain Node process, all in one go.
const ROOT = join(__dirname, '..', '..');
const RULE = '@typescript-eslint/no-restricted-imports';

interface Sample {
  filePath: string;
  code: string;
}

const LINT_SAMPLES = `
import { ESLint } from 'eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: 'eslint.config.mjs' });
const found = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath });
  found.push(result.messages.filter((m) => m.ruleId === '${RULE}').map((m) => m.message));
}
process.stdout.write(JSON.stringify(found));
`;

const SAMPLES = {
  foreignValue: { filePath: 'libs/core/src/match/example.ts', code: `import { ShopEntity } from '../shop/shop.entity';\nexport const target = ShopEntity;\n` },
  foreignValueFromApi: { filePath: 'libs/core/src/match/api/example.ts', code: `import { OfferEntity } from '../../offer/offer.entity';\nexport const target = OfferEntity;\n` },
  foreignValueFromSharedApi: { filePath: 'libs/core/src/api/example.ts', code: `import { HelpRequestEntity } from '../help-request/help-request.entity';\nexport const target = HelpRequestEntity;\n` },
  foreignTypeOnly: { filePath: 'libs/core/src/match/example.ts', code: `import type { ShopEntity } from '../shop/shop.entity';\nexport type Target = ShopEntity;\n` },
  foreignInlineType: { filePath: 'libs/core/src/matching/example.ts', code: `import { type OfferEntity } from '../offer/offer.entity';\nexport type Target = OfferEntity;\n` },
  sameFeature: { filePath: 'libs/core/src/match/example.ts', code: `import { MatchEntity } from './match.entity';\nexport const target = MatchEntity;\n` },
  sameFeatureFromApi: { filePath: 'libs/core/src/offer/api/example.ts', code: `import { OfferEntity } from '../offer.entity';\nexport const target = OfferEntity;\n` },
  entityRelation: { filePath: 'libs/core/src/match/example.entity.ts', code: `import { ShopEntity } from '../shop/shop.entity';\nexport const target = ShopEntity;\n` },
  domainGraphql: { filePath: 'libs/core/src/match/example.ts', code: `import { Field } from '@nestjs/graphql';\nexport const target = Field;\n` },
  integrationTest: { filePath: 'libs/core/src/match/example.int-spec.ts', code: `import { ShopEntity } from '../shop/shop.entity';\nexport const target = ShopEntity;\n` },
} satisfies Record<string, Sample>;

let found: Record<keyof typeof SAMPLES, string[]>;

beforeAll(() => {
  const names = Object.keys(SAMPLES) as (keyof typeof SAMPLES)[];
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_SAMPLES], {
    cwd: ROOT,
    input: JSON.stringify(names.map((name) => SAMPLES[name])),
    encoding: 'utf8',
  });
  const messages = JSON.parse(output) as string[][];
  found = Object.fromEntries(names.map((name, i) => [name, messages[i]])) as typeof found;
}, 60_000);

describe('each feature owns its tables', () => {
  it.each([
    ['a domain file', 'foreignValue', 'shop'],
    ['an api/ file of a feature', 'foreignValueFromApi', 'offer'],
    ['the shared API layer', 'foreignValueFromSharedApi', 'help-request'],
  ] as const)('reports a value import of another feature’s entity in %s', (_where, sample, owner) => {
    expect(found[sample]).toEqual([expect.stringContaining(`The ${owner} feature owns these tables`)]);
  });

  it('keeps the domain’s own restrictions in a feature folder', () => {
    expect(found.domainGraphql).toEqual([expect.stringContaining('GraphQL and HTTP belong to the API layer')]);
  });

  it.each([
    ['a type-only import of another feature’s entity', 'foreignTypeOnly'],
    ['an inline type import of another feature’s entity', 'foreignInlineType'],
    ['the feature’s own entity in its domain', 'sameFeature'],
    ['the feature’s own entity in its api/ folder', 'sameFeatureFromApi'],
    ['an entity’s relation to another feature’s entity', 'entityRelation'],
    ['an integration test seeding another feature’s rows', 'integrationTest'],
  ] as const)('allows %s', (_what, sample) => {
    expect(found[sample]).toEqual([]);
  });
});
