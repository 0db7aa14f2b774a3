/**
 * The `mocks` plugin (issue 17): typed fake data in the generated package, as the subpath
 * `<pkg>/mocks` — `fake<Model>(overrides?, { seed })` for every model, `fake<Fn>Response()` and
 * `fake<Fn>Params()` for every operation. Zero dependencies (a seeded generator copied from
 * templates/mocks/); `{ "faker": true }` makes strings realistic with `@faker-js/faker`, then a
 * peer dependency.
 */
import type { Plugin } from '../types.js';
import { mocksReadme } from './readme.js';
import { fakeOperations, mocksRuntime, renderIndex, renderSchemas, type MocksOptions } from './render.js';

export type { MocksOptions };

export const mocksPlugin: Plugin<MocksOptions> = {
  name: 'mocks',
  requires: ['client'],
  *files(view, ctx) {
    const ops = fakeOperations(view);
    yield ['src/mocks/schemas.ts', renderSchemas(view, ops)];
    yield ['src/mocks/index.ts', renderIndex(view, ops, ctx.options)];
    for (const f of mocksRuntime()) yield [`src/mocks/${f.name}`, f.content];
  },
  packageJson(_view, ctx) {
    return {
      exports: { './mocks': { types: './dist/mocks/index.d.ts', import: './dist/mocks/index.js' } },
      ...(ctx.options.faker
        ? {
            peerDependencies: { '@faker-js/faker': '>=9' },
            peerDependenciesMeta: { '@faker-js/faker': { optional: true } },
            devDependencies: { '@faker-js/faker': '^10.0.0' },
          }
        : {}),
    };
  },
  readme(view, ctx) {
    return [mocksReadme(view, ctx.options)];
  },
};
