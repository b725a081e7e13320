/** Write schema/entry.schema.json and src/generated/entry-validator.js. Run: npm run gen:schema */
import { writeFileSync } from 'node:fs';
import { renderSchemaFile, renderValidatorModule } from './generate.js';

writeFileSync(new URL('../schema/entry.schema.json', import.meta.url), renderSchemaFile());
writeFileSync(new URL('../src/generated/entry-validator.js', import.meta.url), renderValidatorModule());
