// The naive pipeline the issue measures against: glob + read + yaml.parse + a compiled Ajv schema.
// Usage: node bench/naive.mjs DIR
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';

const dir = process.argv[2];
const schema = JSON.parse(readFileSync(new URL('../schema/entry.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
let errors = 0;
for (const file of await fg('*.yaml', { cwd: dir, absolute: true })) {
  if (!validate(parse(readFileSync(file, 'utf8')))) errors++;
}
process.stdout.write(`${errors} invalid\n`);
