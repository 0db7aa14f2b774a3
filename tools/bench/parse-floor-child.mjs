// Parse floor: read + parse one spec in a fresh Node process, as a generator minimally must.
// usage: node parse-floor-child.mjs SPEC_FILE   → prints {"readMs":…,"parseMs":…,"sinceStartMs":…}
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const yaml = /\.ya?ml$/i.test(file) ? await import('js-yaml') : undefined;
const t0 = performance.now();
const text = readFileSync(file, 'utf8');
const t1 = performance.now();
const doc = yaml ? yaml.load(text) : JSON.parse(text);
const t2 = performance.now();
if (doc === null || typeof doc !== 'object') throw new Error('spec did not parse to an object');
process.stdout.write(JSON.stringify({ readMs: t1 - t0, parseMs: t2 - t1, sinceStartMs: t2 }) + '\n');
