import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE = join(__dirname, '..');
/** A text written in place: `message: '…'`, `messageIt: "…"` or a template literal. */
const WRITTEN_TEXT = /\b(message|messageIt)\s*:\s*['"`]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('texts for people', () => {
  it('are written only in the message catalogue (libs/core/src/messages), never where they are used', () => {
    const files = sourceFiles(SOURCE).filter((file) => !relative(SOURCE, file).startsWith('messages'));
    expect(files.length).toBeGreaterThan(100);
    const written = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (WRITTEN_TEXT.test(line) ? [`${relative(SOURCE, file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(written).toEqual([]);
  });

  it('are caught when written in place', () => {
    expect(WRITTEN_TEXT.test(`return { message: 'No such offer', messageIt: 'Offerta non trovata' };`)).toBe(true);
    expect(WRITTEN_TEXT.test('  messageIt: `${field} deve essere nel futuro`,')).toBe(true);
    expect(WRITTEN_TEXT.test('return { message: words.en, messageIt: words.it };')).toBe(false);
  });
});
