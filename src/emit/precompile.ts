/**
 * Build step (`npm run build`, after tsc): every Handlebars template under templates/ (the
 * runtime's .ts files aside) precompiled into dist/templates.cjs (the Handlebars specs in
 * dist/templates-spec.cjs, read on first use), with its source text so
 * that src/emit/templates.ts can tell an edited template from the one precompiled, and, where
 * it stays within the subset src/emit/compile.ts knows, as a plain function too.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';
import { compileTemplate } from './compile.js';
import { PRECOMPILE_OPTIONS, TEMPLATES_DIR } from './templates.js';

const require = createRequire(import.meta.url);
const Handlebars = require('handlebars/dist/handlebars.min.js') as typeof HandlebarsModule;

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? templateFiles(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []))
    .sort();
}

let compiledCount = 0;
const specs: string[] = [];
const entries = templateFiles(TEMPLATES_DIR).map((file) => {
  const name = relative(TEMPLATES_DIR, file).split('\\').join('/');
  const source = readFileSync(file, 'utf8');
  const fast = compileTemplate(Handlebars.parse(source));
  if (fast) compiledCount++;
  specs.push(`  ${JSON.stringify(name)}: ${Handlebars.precompile(source, PRECOMPILE_OPTIONS)},\n`);
  return `  ${JSON.stringify(name)}: {\n    source: ${JSON.stringify(source)},\n    get spec() {\n      return specs()[${JSON.stringify(name)}];\n    },\n${fast ? `    fast: ${fast.replace(/\n/g, '\n    ')},\n` : ''}  },\n`;
});
// The Handlebars specs are needed only beside a user's templates (or a built-in edited since the
// build): in a file of their own, read on first use, so that a plain run parses only the functions.
const header = '// Written by src/emit/precompile.ts at build time: the templates of templates/, precompiled.\n';
const written = [
  write('../templates.cjs', `${header}let loaded;\nconst specs = () => (loaded ??= require('./templates-spec.cjs').specs);\nexports.templates = {\n${entries.join('')}};\n`),
  write('../templates-spec.cjs', `${header}exports.specs = {\n${specs.join('')}};\n`),
];
console.log(`precompiled ${entries.length} templates (${compiledCount} to plain functions) → ${written.join(', ')}`);

/** A file of dist/, rewritten only when it changes: its mtime is part of what says which oagen made a package (src/write/stamp.ts). */
function write(rel: string, text: string): string {
  const out = fileURLToPath(new URL(rel, import.meta.url));
  const same = existsSync(out) && readFileSync(out, 'utf8') === text;
  if (!same) writeFileSync(out, text);
  return `${relative(process.cwd(), out)}${same ? ' (unchanged)' : ''}`;
}
