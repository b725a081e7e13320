/** The canonical text of an entry file: schema line, keys in schema order, trailing newline. */
import { Document, Scalar } from 'yaml';
import { FIELD_ORDER, SCHEMA_LINE } from '../core/schema-def.js';
const LINE_WIDTH = 100;
/** Render one entry as its canonical YAML file text. */
export function renderEntryYaml(entry) {
    return `${SCHEMA_LINE}\n${renderEntryBody(entry)}`;
}
/** The YAML of an entry without the schema line (for `show --format yaml`). */
export function renderEntryBody(entry) {
    const doc = new Document({});
    const record = entry;
    for (const key of FIELD_ORDER) {
        const value = record[key];
        if (value === undefined || value === null)
            continue;
        if (Array.isArray(value)) {
            const seq = doc.createNode(value);
            seq.flow = false;
            doc.set(key, seq);
        }
        else if (key === 'summary' && typeof value === 'string') {
            const s = new Scalar(value);
            s.type = Scalar.BLOCK_FOLDED;
            doc.set(key, s);
        }
        else {
            doc.set(key, value);
        }
    }
    return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 20, indentSeq: true });
}
