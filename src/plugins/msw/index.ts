/**
 * The `msw` plugin (issue 17): MSW 2 request handlers in the generated package, as the
 * subpath `<pkg>/msw` — `listUsersHandler(reply?, options?)` per operation and `handlers`
 * for the whole API, answering the `mocks` plugin's fake data. `msw` is a peer dependency.
 */
import type { Plugin } from '../types.js';
import { mswReadme } from './readme.js';
import { mswRuntime, renderMsw } from './render.js';

export const mswPlugin: Plugin = {
  name: 'msw',
  requires: ['client', 'mocks'],
  *files(view) {
    yield ['src/msw/index.ts', renderMsw(view)];
    yield ['src/msw/handler.ts', mswRuntime()];
  },
  packageJson() {
    return {
      exports: { './msw': { types: './dist/msw/index.d.ts', import: './dist/msw/index.js' } },
      // only `<pkg>/msw` needs it: optional, so installing the client installs no MSW
      peerDependencies: { msw: '^2.0.0' },
      peerDependenciesMeta: { msw: { optional: true } },
      devDependencies: { msw: '^2.0.0' },
    };
  },
  readme(view) {
    return [mswReadme(view)];
  },
};
