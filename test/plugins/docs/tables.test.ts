/**
 * Parameter and response rows are cached by what they show (src/plugins/docs/tables.ts): rows
 * that differ in any one thing they show stay apart, and rows that show the same thing are
 * the same text. A spec whose operations share parameters and responses that differ in one
 * field each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../src/diagnostics.js';
import { renderDocs } from '../../../src/plugins/docs/render.js';
import { modelView } from '../../../src/view/models.js';
import { operationView } from '../../../src/view/operations.js';
import { loadIR } from '../../../src/generate.js';
import { assignNames } from '../../../src/naming/names.js';

const limit = (description: string, extra: object = {}) => ({ name: 'limit', in: 'query', description, schema: { type: 'integer' }, ...extra });
const response = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const get = (operationId: string, parameters: object[], responses: object) => ({ get: { operationId, tags: ['t'], parameters, responses } });

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Rows', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/a': get('opA', [limit('Max A')], { '200': { description: 'OK' }, '404': response('Missing') }),
    '/b': get('opB', [limit('Max B')], { '200': { description: 'OK' }, '404': response('Gone') }),
    '/c': get('opC', [limit('Max A', { required: true })], { '200': { description: 'OK' }, '4XX': response('Missing') }),
    '/d': get('opD', [limit('Max A', { schema: { $ref: '#/components/schemas/Limit' } })], { '200': { description: 'OK' }, default: response('Missing') }),
    '/e': get('opE', [limit('Max A', { schema: { type: 'integer', nullable: true } })], { '200': { description: 'OK' }, '404': response('Missing') }),
    '/f': get('opF', [limit('Max A')], { '200': { description: 'OK' }, '404': response('Missing') }),
  },
  components: {
    schemas: {
      Limit: { type: 'integer', minimum: 1, default: 10 },
      Problem: { type: 'object', properties: { message: { type: 'string' } } },
    },
  },
};

/** The rows of the table under `### title` in the `## fn` section, as whole lines. */
function rows(markdown: string, fn: string, title: string): string[] {
  const op = markdown.slice(markdown.indexOf(`\n## ${fn}\n`));
  const at = op.indexOf(`\n### ${title}\n`);
  const lines = op.slice(at).split('\n');
  const start = lines.findIndex((l) => l.startsWith('| '));
  const out: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('| '); i++) out.push(lines[i]);
  return out;
}

describe('cached table rows', () => {
  let page: string;
  beforeAll(async () => {
    const diagnostics = new Diagnostics();
    const ir = await loadIR('rows.json', { diagnostics, text: JSON.stringify(SPEC) });
    const names = assignNames(ir, diagnostics);
    const ctx = { names: names.schema, schemas: new Map(ir.schemas.map((n) => [n.id, n.schema])) };
    const files = renderDocs({
      ir,
      names,
      operations: ir.operations.map((op) => operationView(op, names.operation.get(op.key)!, { ...ctx, security: ir.security })),
      models: ir.schemas.map((n) => modelView(n, ctx)),
      packageName: 'rows',
      version: '1.0.0',
      ctx,
      webhooks: [],
    });
    page = files.get('docs/TApi.md')!;
  }, 60_000);

  it.each<[string, string]>([
    ['opA', '| `limit` | query | `number` | Max A | no |   |'],
    ['opB', '| `limit` | query | `number` | Max B | no |   |'],
    ['opC', '| `limit` | query | `number` | Max A | yes |   |'],
    ['opD', '| `limit` | query | [`Limit`](models/Limit.md) | Max A (min `1`) | no | `10` |'],
    ['opE', '| `limit` | query | `number \\| null` | Max A | no |   |'],
    ['opF', '| `limit` | query | `number` | Max A | no |   |'],
  ])('%s: parameter row', (fn, row) => {
    expect(rows(page, fn, 'Parameters')).toEqual([row]);
  });

  it.each<[string, string]>([
    ['opA', '| **`404`** | Missing | [`Problem`](models/Problem.md) | throws [`NotFoundError`](../README.md#errors) |'],
    ['opB', '| **`404`** | Gone | [`Problem`](models/Problem.md) | throws [`NotFoundError`](../README.md#errors) |'],
    ['opC', '| **`4XX`** | Missing | [`Problem`](models/Problem.md) | throws [`ApiError`](../README.md#errors) |'],
    ['opD', '| **`default`** | Missing | [`Problem`](models/Problem.md) | throws [`ApiError`](../README.md#errors) |'],
    ['opF', '| **`404`** | Missing | [`Problem`](models/Problem.md) | throws [`NotFoundError`](../README.md#errors) |'],
  ])('%s: error response row', (fn, row) => {
    expect(rows(page, fn, 'Responses')[1]).toBe(row);
  });
});
