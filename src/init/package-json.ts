/** The project's package.json gets a `generate` script (created when the project has no package.json). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT_USAGE, OagenError } from '../diagnostics.js';
import { packageName } from './spec-info.js';
import type { InitStep } from './types.js';

export const SCRIPT = 'oagen generate';

export const scriptStep: InitStep = {
  name: 'package.json',
  run(ctx) {
    const file = join(ctx.cwd, 'package.json');
    let pkg: Record<string, unknown>;
    let indent = 2;
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      try {
        pkg = JSON.parse(text) as Record<string, unknown>;
      } catch (e) {
        throw new OagenError({ code: 'E_USAGE', severity: 'error', message: `package.json is not valid JSON: ${(e as Error).message}`, file }, EXIT_USAGE);
      }
      indent = /^\{\r?\n(\s+)"/.exec(text)?.[1]?.length ?? 2;
    } else {
      pkg = { name: packageName(basename(ctx.cwd), 'app'), private: true, type: 'module' };
    }
    const scripts = (typeof pkg.scripts === 'object' && pkg.scripts !== null ? pkg.scripts : {}) as Record<string, string>;
    if (scripts.generate !== undefined && scripts.generate !== SCRIPT) {
      ctx.done(`kept package.json's own "generate" script (${JSON.stringify(scripts.generate)}); oagen's is "${SCRIPT}"`);
    } else if (scripts.generate === SCRIPT) {
      ctx.done('package.json has the generate script already');
    } else {
      pkg.scripts = { ...scripts, generate: SCRIPT };
      writeFileSync(file, JSON.stringify(pkg, null, indent) + '\n');
      ctx.done(`added "generate": "${SCRIPT}" to package.json`);
    }
    ctx.next('npm run generate');
  },
};
