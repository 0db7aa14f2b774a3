/**
 * The generated test suite: `test/<group>.test.ts` per API group, each operation called through
 * the client against the `msw` plugin's handlers (MSW's `setupServer`), checking the request
 * (method, path, query, headers, body shape) and that the answer reads back as sent and fits
 * its schema; paginated operations are walked to their last page. `test/helpers.ts` is copied
 * from templates/tests/.
 */
import { readFileSync } from 'node:fs';
import { TEMPLATES_DIR } from '../../emit/templates.js';
import { objectLiteralKey, stringLiteral } from '../../escape/index.js';
import type { ApiView, OperationView } from '../../view/index.js';
import { fakeOperations, type FakeOperation } from '../mocks/operations.js';

export function testHelpers(): string {
  return readFileSync(TEMPLATES_DIR + 'tests/helpers.ts', 'utf8');
}

/** Operations the suite calls: all but event streams (their answers are not fake JSON). */
export function testedOperations(view: ApiView): FakeOperation[] {
  return fakeOperations(view).filter((o) => o.view.success.kind !== 'sse');
}

function authConfig(view: ApiView): string {
  const schemes = view.ir.securitySchemes.filter((s) => s.type !== 'mutualTLS' && s.type !== 'openIdConnect');
  if (schemes.length === 0) return '';
  const entries = schemes.map((s) => `${objectLiteralKey(s.name)}: ${s.type === 'http' && s.scheme === 'basic' ? `{ username: 'user', password: 'secret' }` : `'test-token'`}`);
  return `{ auth: { ${entries.join(', ')} } }`;
}

export function renderGroupTest(view: ApiView, title: string, ops: readonly FakeOperation[]): string {
  const fns = [...new Set(ops.map((o) => o.view.names.fn))].sort();
  const fakes = ops.flatMap((o) => (o.paramsFn ? [o.paramsFn] : [])).sort();
  const out = [
    `${view.header}\n\n`,
    `import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';\n`,
    `import { setupServer } from 'msw/node';\n`,
    `import { createClient, ${fns.join(', ')} } from '../src/index.js';\n`,
    `import { check, operations, schemas${fakes.map((f) => `, ${f}`).join('')} } from '../src/mocks/index.js';\n`,
    `import { handlers } from '../src/msw/index.js';\n`,
    `import { expectBody, expectHeaders, expectPath, expectQuery, record } from './helpers.js';\n\n`,
    `const server = setupServer(...handlers);\n`,
    `const sent = record(server);\n`,
    `const client = createClient(${authConfig(view)});\n\n`,
    `beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));\n`,
    `beforeEach(() => sent.reset());\n`,
    `afterAll(() => server.close());\n\n`,
    `describe(${stringLiteral(title)}, () => {\n`,
  ];
  for (const o of ops) out.push(renderCase(o));
  out.push('});\n');
  return out.join('');
}

function renderCase(o: FakeOperation): string {
  const v = o.view;
  const fn = v.names.fn;
  const p = (key: string) => `params[${stringLiteral(key)}]`;
  const lines: string[] = [];
  const pagParam = v.pagination && 'param' in v.pagination.info ? v.params.find((x) => x.param.in === 'query' && x.param.name === (v.pagination!.info as { param: string }).param) : undefined;
  if (o.paramsFn) {
    // the first page is asked for: no pagination parameter
    const overrides = pagParam ? `{ ${objectLiteralKey(pagParam.key)}: undefined }` : 'undefined';
    lines.push(`const params = ${o.paramsFn}(${overrides}, { seed: 1 });`);
  }
  const call = `${fn}(client${o.paramsFn ? ', params' : ''})`;
  lines.push(`const result = await ${call};`, `const request = await sent.request();`, `expect(request.method).toBe(${stringLiteral(v.op.method.toUpperCase())});`);
  const pathParams = v.params.filter((x) => x.param.in === 'path');
  const pathValues = pathParams.map((x) => `${objectLiteralKey(x.param.name)}: ${p(x.key)}`).join(', ');
  lines.push(`expectPath(request.url, ${stringLiteral(v.op.path)}, ${pathValues ? `{ ${pathValues} }` : '{}'});`);
  const query = v.params.filter((x) => x.param.in === 'query');
  if (query.length) lines.push(`expectQuery(request.url, [${query.map((x) => `[${stringLiteral(x.param.name)}, ${p(x.key)}]`).join(', ')}]);`);
  const headers = v.params.filter((x) => x.param.in === 'header');
  if (headers.length) lines.push(`expectHeaders(request.headers, [${headers.map((x) => `[${stringLiteral(x.param.name)}, ${p(x.key)}]`).join(', ')}]);`);
  if (v.body) lines.push(`expectBody(request, ${stringLiteral(v.body.kind)}, ${p(v.body.key)});`);
  const kind = v.success.kind;
  if (kind === 'json' && o.response) {
    lines.push(`expect(result).toEqual(await sent.json());`, `expect(check(operations[${stringLiteral(fn)}].response!, result, schemas)).toBe(true);`);
  } else if (kind === 'text') {
    lines.push(`expect(result).toBe(await sent.text());`);
  } else if (kind === 'blob') {
    lines.push(`expect(result).toBeInstanceOf(Blob);`);
  }
  if (v.pagination && o.item) {
    lines.push(
      `// every page, to the last one (the handlers answer three)`,
      `const pages: unknown[] = [];`,
      `for await (const page of ${call}.pages()) pages.push(page);`,
      `expect(pages).toHaveLength(3);`,
      `for (const page of pages) expect(check(operations[${stringLiteral(fn)}].response!, page, schemas)).toBe(true);`,
    );
  }
  const title = `${fn}: ${v.op.method.toUpperCase()} ${v.op.path}`;
  return `  it(${stringLiteral(title)}, async () => {\n${lines.map((l) => `    ${l}\n`).join('')}  });\n`;
}

export function groupsWithTests(view: ApiView): { file: string; title: string; ops: FakeOperation[] }[] {
  const tested = new Map<OperationView, FakeOperation>(testedOperations(view).map((o) => [o.view as OperationView, o]));
  return view.groups
    .map((g) => ({ file: g.file, title: g.title, ops: g.operations.flatMap((op) => (tested.has(op as OperationView) ? [tested.get(op as OperationView)!] : [])) }))
    .filter((g) => g.ops.length > 0);
}
