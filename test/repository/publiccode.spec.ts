import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// publiccode.yml, the metadata of Italian public-administration software for the Developers Italia
// catalogue, checked against the keys and values the standard (version 0.4) requires. No
// validator ships on the npm registry (the official one is a Go program), hence this test.
const ROOT = join(__dirname, '..', '..');
const file = parse(readFileSync(join(ROOT, 'publiccode.yml'), 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };

const DEVELOPMENT_STATUS = ['concept', 'development', 'beta', 'stable', 'obsolete'];
const SOFTWARE_TYPES = ['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles'];
const MAINTENANCE = ['internal', 'contract', 'community', 'none'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const URL_PATTERN = /^https?:\/\/\S+$/;

const at = (path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], file);

describe('publiccode.yml', () => {
  it('has every key the standard requires, with values of the right kind', () => {
    expect(at('publiccodeYmlVersion')).toBe('0.4');
    expect(at('name')).toEqual(expect.any(String));
    expect(at('url')).toMatch(URL_PATTERN);
    expect(at('platforms')).toEqual(expect.arrayContaining(['web']));
    expect((at('categories') as string[]).length).toBeGreaterThan(0);
    expect(DEVELOPMENT_STATUS).toContain(at('developmentStatus'));
    expect(SOFTWARE_TYPES).toContain(at('softwareType'));
    expect(at('releaseDate')).toMatch(DATE);
    expect(MAINTENANCE).toContain(at('maintenance.type'));
    expect((at('maintenance.contacts') as { name: string }[]).every((contact) => typeof contact.name === 'string' && contact.name.length > 0)).toBe(true);
    expect(at('localisation.localisationReady')).toEqual(expect.any(Boolean));
    expect(at('localisation.availableLanguages')).toEqual(expect.arrayContaining(['it', 'en']));
    expect(at('it.countryExtensionVersion')).toBe('1.0');
  });

  it.each(['it', 'en'])('describes the software in %s within the standard’s lengths', (language) => {
    const description = at(`description.${language}`) as { shortDescription: string; longDescription: string; features: string[] };
    expect(description.shortDescription.length).toBeLessThanOrEqual(150);
    expect(description.longDescription.length).toBeGreaterThanOrEqual(150);
    expect(description.longDescription.length).toBeLessThanOrEqual(10_000);
    expect(description.features.length).toBeGreaterThan(0);
  });

  it('says what package.json and LICENSE say: version and EUPL-1.2', () => {
    expect(at('softwareVersion')).toBe(packageJson.version);
    expect(at('legal.license')).toBe(packageJson.license);
    expect(packageJson.license).toBe('EUPL-1.2');
    expect(existsSync(join(ROOT, 'LICENSE'))).toBe(true);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('EUROPEAN UNION PUBLIC LICENCE v. 1.2');
  });
});
