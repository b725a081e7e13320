// The read floor: only list the folder and read every file. Usage: node bench/read-floor.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let bytes = 0;
for (const name of readdirSync(dir)) if (name.endsWith('.yaml')) bytes += readFileSync(path.join(dir, name), 'utf8').length;
process.stdout.write(`${bytes}\n`);
