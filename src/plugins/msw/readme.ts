/** The README's "Mock Service Worker" section (the `msw` plugin). */
import type { ApiView } from '../../view/index.js';
import type { ReadmeSection } from '../types.js';
import { handlerName, mockedOperations } from './render.js';

export function mswReadme(view: ApiView): ReadmeSection {
  const pkg = view.packageName;
  const op = mockedOperations(view).find((o) => o.responseFn) ?? mockedOperations(view)[0];
  const lines = [
    `\`${pkg}/msw\` has [MSW](https://mswjs.io) 2 request handlers (\`msw\` is a peer dependency): one factory`,
    'per operation and `handlers` (`createHandlers(options)`) for the whole API, answering schema-valid fake data (see',
    '[Fake data](#fake-data)), deterministic for `seed`. They answer on the client\'s default base URL;',
    '`{ baseUrl }` changes it (`"*"`: any origin). A factory takes a resolver, the body itself, or',
    '`{ status, body }`. Paginated operations answer consistent pages: the fake cursor, page number,',
    'offset or next URL of a page asks for the next one, and the last page (`pages`, default 3) ends',
    'the iteration.',
  ];
  if (op) {
    const h = handlerName(op);
    lines.push(
      '',
      '```ts',
      `import { setupServer } from 'msw/node';`,
      `import { createHandlers, handlers, ${h} } from '${pkg}/msw';`,
      '',
      'const server = setupServer(...handlers);',
      'server.listen();',
      'server.resetHandlers(...createHandlers({ seed: 42, pages: 5 }));',
      `server.use(${h}({ status: 500, body: { error: 'boom' } }));`,
      'server.close();',
      '```',
    );
  }
  return { id: 'msw', heading: 'Mock Service Worker', body: lines.join('\n') };
}
