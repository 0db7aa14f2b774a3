/**
 * The `zod` plugin (issue 15): Zod 4 schemas of every model and operation under the package's
 * `./zod` subpath (`src/zod.ts`), `validators` for the client's opt-in validation (the runtime's
 * `validate` feature: templates/runtime/validate.ts), `zod` as a peer dependency, and the
 * README's "Runtime validation" section.
 */
import type { Plugin } from '../types.js';
import { VALIDATED_TYPES } from '../client/validated.js';
import { checkOptions, type ZodOptions } from './options.js';
import { zodReadme } from './readme.js';
import { renderZod, ZOD_FILE } from './render.js';

export const zodPlugin: Plugin<ZodOptions> = {
  name: 'zod',
  requires: ['client'],
  // `dates: "Date"`: operations' results typed by the validators' output (src/plugins/client/validated.ts)
  runtime: (options) => (checkOptions(options).dates === 'Date' ? ['validate', VALIDATED_TYPES] : ['validate']),
  *files(view, ctx) {
    yield [ZOD_FILE, renderZod(view, checkOptions(ctx.options)).code];
  },
  readme(view, ctx) {
    return [zodReadme(view, checkOptions(ctx.options))];
  },
  packageJson() {
    // optional: only `<pkg>/zod` needs it; the package's own build does (devDependencies)
    return {
      peerDependencies: { zod: '^4.0.0' },
      peerDependenciesMeta: { zod: { optional: true } },
      devDependencies: { zod: '^4.0.0' },
      exports: { './zod': { types: './dist/zod.d.ts', import: './dist/zod.js' } },
    };
  },
};
