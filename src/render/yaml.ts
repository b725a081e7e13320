/** The canonical text of an entry file: schema line, keys in schema order, trailing newline. */
import { Document, Scalar, YAMLSeq } from 'yaml';
import type { Entry } from '../core/entry.js';
import { FIELD_ORDER, SCHEMA_LINE } from '../core/schema-def.js';

const LINE_WIDTH = 100;

/** Render one entry as its canonical YAML file text. */
export function renderEntryYaml(entry: Entry): string {
  return `${SCHEMA_LINE}\n${renderEntryBody(entry)}`;
}

/** The YAML of an entry without the schema line (for `show --format yaml`). */
export function renderEntryBody(entry: Entry): string {
  const doc = new Document({});
  const record = entry as unknown as Record<string, unknown>;
  for (const key of FIELD_ORDER) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const seq = doc.createNode(value) as YAMLSeq;
      seq.flow = false;
      doc.set(key, seq);
    } else if (key === 'summary' && typeof value === 'string') {
      const s = new Scalar(value);
      s.type = Scalar.BLOCK_FOLDED;
      doc.set(key, s);
    } else {
      doc.set(key, value);
    }
  }
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 20, indentSeq: true });
}
