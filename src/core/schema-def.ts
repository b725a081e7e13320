/**
 * The entry schema, built from the taxonomy. `npm run gen:schema` writes it to
 * schema/entry.schema.json; a test keeps the committed file equal to this.
 */
import { CATEGORIES, CATEGORY_IDS, MODALITY_IDS, SUBCATEGORY_IDS } from './taxonomy.js';

export const SCHEMA_VERSION = '1';
export const SCHEMA_ID = `urn:mllm-align:schema:entry:v${SCHEMA_VERSION}`;

export const SLUG_PATTERN = '^[a-z0-9]+(?:[.-][a-z0-9]+)*$';
export const ARXIV_PATTERN = '^[0-9]{4}\\.[0-9]{4,5}(?:v[0-9]+)?$';
export const DOI_PATTERN = '^10\\.[0-9]{4,9}/\\S+$';
export const URL_PATTERN = '^https?://[^\\s/$.?#][^\\s]*$';
export const DATE_PATTERN = '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$';
export const CITEKEY_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_:.+-]*$';
export const SINGLE_LINE_PATTERN = '^[^\\r\\n]+$';
export const MIN_YEAR = 1990;
/** Longest id: the file name (id + .yaml) stays far below every file system's 255-byte limit (issue #12, item 17). */
export const MAX_ID_LENGTH = 100;

const SLUG = new RegExp(SLUG_PATTERN);

/** Whether `id` is a plain slug, the only form an entry id (and so a file name) may take. */
export function isPlainId(id: string): boolean {
  return id.length <= MAX_ID_LENGTH && SLUG.test(id);
}

/** First line of every entry file, so editors validate and complete it as it is typed. */
export const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/entry.schema.json';

const categoryText = CATEGORIES.map((c) => `${c.id} (${c.name})`).join(', ');
const subText = CATEGORIES.map((c) => `${c.id}: ${c.subcategories.map((s) => s.id).join(', ')}`).join('; ');

/** Field definitions in canonical order: the order `add` writes and `show` prints. */
export const FIELDS = {
  id: {
    $ref: '#/$defs/slug',
    type: 'string',
    maxLength: MAX_ID_LENGTH,
    description: `Lower-case slug naming the method, at most ${MAX_ID_LENGTH} characters; equals the file name without .yaml.`,
  },
  name: { type: 'string', minLength: 1, pattern: SINGLE_LINE_PATTERN, description: 'The method\'s short name, e.g. LLaVA.' },
  title: { type: 'string', minLength: 1, pattern: SINGLE_LINE_PATTERN, description: 'The paper\'s title, exactly as published.' },
  authors: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1, pattern: SINGLE_LINE_PATTERN, description: 'One author\'s full name, given name first.' },
    description: 'The paper\'s authors in order, as full names.',
  },
  year: { type: 'integer', minimum: MIN_YEAR, description: 'Year of the first public version (e.g. arXiv v1).' },
  category: {
    enum: [...CATEGORY_IDS],
    description: `The survey's group: ${categoryText}.`,
  },
  subcategory: {
    enum: [...SUBCATEGORY_IDS],
    description: `Our sub-group within the category (${subText}).`,
  },
  arxiv: {
    type: 'string',
    pattern: ARXIV_PATTERN,
    description: 'New-style arXiv identifier such as 2304.08485, optionally with a version (v2). Quote it in YAML.',
  },
  doi: { type: 'string', pattern: DOI_PATTERN, description: 'Digital Object Identifier, without https://doi.org/.' },
  url: { type: 'string', pattern: URL_PATTERN, description: 'The paper\'s or the project\'s web page (http or https).' },
  venue: { type: 'string', minLength: 1, pattern: SINGLE_LINE_PATTERN, description: 'Where the paper appeared, e.g. NeurIPS 2023 or CVPR 2024.' },
  code: { type: 'string', pattern: URL_PATTERN, description: 'URL of the source-code repository (not a project page).' },
  modalities: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { enum: [...MODALITY_IDS], description: 'A modality: ' + MODALITY_IDS.join(', ') + '.' },
    description: 'The modalities the method aligns, including text.',
  },
  llm: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { type: 'string', minLength: 1, description: 'A backbone LLM\'s name.' },
    description: 'The language-model backbones the paper uses, e.g. Vicuna, LLaMA.',
  },
  tags: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { $ref: '#/$defs/slug' },
    description: 'Free lower-case keywords for search, e.g. instruction-tuning, grounding.',
  },
  builds_on: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { $ref: '#/$defs/slug' },
    description: 'Ids of catalogue entries this method extends, as its paper says.',
  },
  citekey: {
    type: 'string',
    pattern: CITEKEY_PATTERN,
    description: 'A BibTeX citation key pinned for this entry; when absent one is derived.',
  },
  summary: { type: 'string', minLength: 1, description: 'Two to four sentences in our own words: what is aligned with what, how, trained on what.' },
  sources: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { type: 'string', pattern: URL_PATTERN, description: 'An http(s) page that confirmed fields of this entry.' },
    description:
      'The pages that confirmed this entry\'s fields: at least one authoritative page (arXiv, the proceedings, OpenReview, ' +
      'the publisher, the official repository); mirrors only as a second source. Shown by show; left out of exports.',
  },
  added: { type: 'string', pattern: DATE_PATTERN, description: 'Date the entry was added to the catalogue (YYYY-MM-DD).' },
} as const;

export type FieldName = keyof typeof FIELDS;

export const FIELD_ORDER = Object.keys(FIELDS) as FieldName[];

/** A copy of an entry-shaped record with its keys in canonical order and unset keys left out. */
export function orderFields(record: object): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

export const REQUIRED_FIELDS: readonly FieldName[] = ['id', 'name', 'title', 'authors', 'year', 'category'];

export const LOCATOR_FIELDS: readonly FieldName[] = ['arxiv', 'doi', 'url'];

/** Build the JSON Schema (2020-12) for one entry. */
export function buildEntrySchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'mllm-align catalogue entry',
    description:
      'One method of aligning another modality with a large language model, as catalogued by mllm-align. ' +
      'One file entries/<id>.yaml per method. Generated from src/core/schema-def.ts: do not edit.',
    type: 'object',
    additionalProperties: false,
    required: [...REQUIRED_FIELDS],
    anyOf: LOCATOR_FIELDS.map((f) => ({ required: [f] })),
    properties: FIELDS,
    $defs: {
      slug: { type: 'string', pattern: SLUG_PATTERN, description: 'Lower-case letters and digits, joined by single - or . characters.' },
    },
  };
}
