/**
 * The generated `src/msw/index.ts`: one typed handler factory per operation
 * (`listUsersHandler(reply?, options?)`), `handlers` and `createHandlers(options?)` for the whole API, and the
 * operations' mock descriptions (method, MSW path, default base URL, success status, the fake
 * schemas the `mocks` plugin wrote, pagination).
 */
import { readFileSync } from 'node:fs';
import { TEMPLATES_DIR } from '../../emit/templates.js';
import { jsDocLines, stringLiteral } from '../../escape/index.js';
import type { ApiView } from '../../view/index.js';
import { fakeOperations, type FakeOperation } from '../mocks/operations.js';
import { docBlock } from '../../view/printer.js';
import { signature } from '../mocks/layout.js';
import { schemaLiteral } from '../mocks/schema.js';

export function mswRuntime(): string {
  return readFileSync(TEMPLATES_DIR + 'msw/handler.ts', 'utf8');
}

/** The client's default base URL: the first server, its variables at their defaults. */
export function defaultBaseUrl(view: ApiView): string {
  const server = view.ir.servers[0];
  let url = server?.url ?? '';
  for (const [k, v] of Object.entries(server?.variables ?? {})) url = url.split(`{${k}}`).join(v.default);
  return url.replace(/\/+$/, '');
}

/** `/users/{user-id}` → `/users/:user_id` (MSW parameter names are word characters). */
export function mswPath(path: string): string {
  const used = new Set<string>();
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    let n = name.replace(/\W/g, '_') || 'param';
    while (used.has(n)) n += '_';
    used.add(n);
    return `:${n}`;
  });
}

export function handlerName(o: FakeOperation): string {
  return `${o.view.names.fn}Handler`;
}

/** Operations whose handler the package writes: every one, literal paths before templated ones. */
export function mockedOperations(view: ApiView): FakeOperation[] {
  const params = (p: string) => (p.match(/\{/g) ?? []).length;
  return fakeOperations(view)
    .map((o, i) => ({ o, i }))
    .sort((a, b) => params(a.o.view.op.path) - params(b.o.view.op.path) || a.i - b.i)
    .map((x) => x.o);
}

function status(o: FakeOperation): number {
  const s = o.view.responses.ok[0]?.status ?? '200';
  return /^\d{3}$/.test(s) ? Number(s) : 200;
}

function kind(o: FakeOperation): string {
  const k = o.view.success.kind;
  return k === 'json' || k === 'text' ? k : k === 'blob' ? 'blob' : 'void';
}

export function renderMsw(view: ApiView): string {
  const base = defaultBaseUrl(view);
  const ops = mockedOperations(view);
  const out = [
    `${view.header}\n\n`,
    docBlock([`MSW request handlers for ${jsDocLines(view.ir.info.title)[0] ?? 'the API'}: one factory per operation, and \`handlers\` for all of them, answering fake data (\`../mocks/\`) unless told otherwise.`], ''),
    `import type { HttpHandler } from 'msw';\n`,
    `import type * as T from '../index.js';\n`,
    `import { operations } from '../mocks/index.js';\n`,
    `import { handler, type HandlerOptions, type MockOperation, type Reply } from './handler.js';\n\n`,
    `export type { HandlerOptions, MockOperation, PaginationMock, Reply, ReplyInit } from './handler.js';\n\n`,
    docBlock([`The client's default base URL, where the handlers answer unless \`options.baseUrl\` says otherwise.`], ''),
    `export const BASE_URL = ${stringLiteral(base)};\n`,
  ];
  for (const o of ops) {
    const v = o.view;
    const fn = stringLiteral(v.names.fn);
    const fields = [
      `method: ${stringLiteral(v.op.method.toLowerCase())}`,
      `path: ${stringLiteral(mswPath(v.op.path))}`,
      `server: ${v.server ? stringLiteral(v.server.replace(/\/+$/, '')) : 'BASE_URL'}`,
      `status: ${status(o)}`,
      `kind: ${stringLiteral(kind(o))}`,
      ...(o.response ? [`response: operations[${fn}].response`] : []),
      ...(v.pagination && o.item ? [`pagination: ${schemaLiteral(v.pagination.info)}`, `item: operations[${fn}].item`] : []),
    ];
    const body = o.responseType ?? (kind(o) === 'blob' ? 'Blob' : 'undefined');
    const flat = `const ${v.names.fn}Mock: MockOperation = { ${fields.join(', ')} };`;
    out.push(
      `\n${flat.length <= 100 ? flat : `const ${v.names.fn}Mock: MockOperation = {\n${fields.map((f) => `  ${f},\n`).join('')}};`}\n`,
      `\n${docBlock([`Handles {@link T.${v.names.fn}} (\`${jsDocLines(`${v.op.method} ${v.op.path}`)[0]}\`): \`reply\` is a resolver, the body, or \`{ status, body }\`; default: fake data.`], '')}`,
      signature(handlerName(o), [`reply?: Reply<${body}>`, 'options?: HandlerOptions'], 'HttpHandler'),
      `  return handler(${v.names.fn}Mock, reply, options);\n}\n`,
    );
  }
  out.push(
    `\n/** A handler for every operation, answering fake data (deterministic for \`options.seed\`). */\n`,
    `export function createHandlers(options?: HandlerOptions): HttpHandler[] {\n`,
    `  return [\n${ops.map((o) => `    ${handlerName(o)}(undefined, options),\n`).join('')}  ];\n}\n`,
    `\n/** A handler for every operation, with the default options: \`setupServer(...handlers)\`. */\n`,
    `export const handlers: HttpHandler[] = createHandlers();\n`,
  );
  return out.join('');
}
