import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEntrySchema, FIELD_ORDER } from '../../src/core/schema-def.js';
import { CATEGORIES, CATEGORY_IDS, SUBCATEGORY_IDS } from '../../src/core/taxonomy.js';
import { renderSchemaFile, renderValidatorModule } from '../../scripts/generate.js';
import { ROOT } from '../helpers.js';

describe('schema/entry.schema.json', () => {
  const committed = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'entry.schema.json'), 'utf8'));

  it('is what src/core/schema-def.ts generates (run npm run gen:schema)', () => {
    expect(readFileSync(path.join(ROOT, 'schema', 'entry.schema.json'), 'utf8')).toBe(renderSchemaFile());
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildEntrySchema())));
  });

  it('src/generated/entry-validator.js is compiled from it (run npm run gen:schema)', () => {
    expect(readFileSync(path.join(ROOT, 'src', 'generated', 'entry-validator.js'), 'utf8')).toBe(renderValidatorModule());
  });

  it('is strict, versioned and describes every property', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.$id).toMatch(/v\d+$/);
    expect(committed.additionalProperties).toBe(false);
    const undocumented = Object.entries(committed.properties as Record<string, { description?: string }>)
      .filter(([, p]) => !p.description)
      .map(([k]) => k);
    expect(undocumented).toEqual([]);
    expect(Object.keys(committed.properties)).toEqual(FIELD_ORDER);
  });

  it('takes categories and subcategories from the taxonomy', () => {
    expect(committed.properties.category.enum).toEqual(CATEGORY_IDS);
    expect(committed.properties.subcategory.enum).toEqual(SUBCATEGORY_IDS);
    expect(CATEGORIES.map((c) => c.name)).toEqual(['Multimodal Converter', 'Multimodal Perceiver', 'Tool Learning', 'Data-Driven Method']);
  });
});
