/** Write schema/entry.schema.json from src/core/schema-def.ts. Run: npm run gen:schema */
import { writeFileSync } from 'node:fs';
import { buildEntrySchema } from '../src/core/schema-def.js';

const target = new URL('../schema/entry.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(buildEntrySchema(), null, 2) + '\n');
