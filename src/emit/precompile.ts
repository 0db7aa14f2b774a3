/**
 * Build step (`npm run build`, after tsc): every Handlebars template under templates/ (the
 * runtime's .ts files aside) precompiled into dist/templates.cjs, with its source text so
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
const entries = templateFiles(TEMPLATES_DIR).map((file) => {
  const name = relative(TEMPLATES_DIR, file).split('\\').join('/');
  const source = readFileSync(file, 'utf8');
  const fast = compileTemplate(Handlebars.parse(source));
  if (fast) compiledCount++;
  return `  ${JSON.stringify(name)}: {\n    source: ${JSON.stringify(source)},\n    spec: ${Handlebars.precompile(source, PRECOMPILE_OPTIONS)},\n${fast ? `    fast: ${fast.replace(/\n/g, '\n    ')},\n` : ''}  },\n`;
});
const out = fileURLToPath(new URL('../templates.cjs', import.meta.url));
const text = `// Written by src/emit/precompile.ts at build time: the templates of templates/, precompiled.\nexports.templates = {\n${entries.join('')}};\n`;
// rewritten only when it changes: its mtime is part of what says which oagen made a package (src/write/stamp.ts)
const same = existsSync(out) && readFileSync(out, 'utf8') === text;
if (!same) writeFileSync(out, text);
console.log(`precompiled ${entries.length} templates (${compiledCount} to plain functions) → ${relative(process.cwd(), out)}${same ? ' (unchanged)' : ''}`);
