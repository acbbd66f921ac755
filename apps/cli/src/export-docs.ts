/** `npm run docs:exports`: writes docs/exports.md from the columns the exports declare. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderExportDocs } from '@vec/core/monitoring/export/export-columns';

const file = join(__dirname, '..', '..', '..', 'docs', 'exports.md');
writeFileSync(file, renderExportDocs());
console.log(`Wrote ${file}`);
