import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runtimeSources } from '../../src/emit/templates.js';
import { tempDir } from '../tmp.js';

/**
 * The runtime as a generated package gets it (src/emit/templates.ts): without the optional
 * features (`//#if` blocks) no selected plugin asks for, or with some (`validate`: the zod plugin).
 */
function runtimeCopy(features: string[]): string {
  const dir = tempDir('oagen-bundle-runtime-');
  for (const f of runtimeSources(new Set(features))) writeFileSync(join(dir, f.name), f.content);
  return dir;
}
const plainRuntime = runtimeCopy([]);
const validateRuntime = runtimeCopy(['validate']);
const runtime = join(plainRuntime, 'index.ts');
const auth = join(plainRuntime, 'auth.ts');
const oauth = join(plainRuntime, 'oauth.ts');
const webhooks = join(plainRuntime, 'webhooks.ts');

/**
 * Bundles a generated-style module that uses the runtime, as `tools/bench` measures a package:
 * minified ESM for the browser, gzipped at level 9. Returns the sizes, the code, and the runtime
 * files that put bytes into the bundle.
 */
async function bundle(code: string, dir = plainRuntime) {
  const result = await build({
    stdin: { contents: `import * as rt from ${JSON.stringify(join(dir, 'index.ts'))};\nimport { applyAuth } from ${JSON.stringify(join(dir, 'auth.ts'))};\n${code}`, loader: 'ts', resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const files = Object.entries(inputs)
    .filter(([file, info]) => info.bytesInOutput > 0 && basename(dirname(file)) === basename(dir))
    .map(([file]) => basename(file))
    .sort();
  return { text, min: text.length, gzip: gzipSync(text, { level: 9 }).length, files };
}

// The generated `createClient` and operations, as the emitter writes them. An API with security
// schemes hands `applyAuth` to the client; one without (GitHub's, Graph's) bundles no auth code.
const client = `export const createClient = (config = {}) => rt.createClientCore(config, { baseUrl: 'https://api.openai.com/v1', securitySchemes: { ApiKeyAuth: { type: 'bearer' } }, applyAuth });`;
const anonymousClient = `export const createClient = (config = {}) => rt.createClientCore(config, { baseUrl: 'https://api.github.com', securitySchemes: {} });`;
const listParams = `params: ['query:limit', 'query:after', 'query:emails'], security: [['ApiKeyAuth']]`;
const core = ['auth.ts', 'build.ts', 'client.ts', 'errors.ts', 'request.ts', 'retry.ts', 'send.ts', 'serialize.ts'];

const cases: { name: string; client?: string; code: string; files: string[]; absent: string[]; budget: number }[] = [
  {
    // issue 6 targets 2 KB; see templates/runtime/README.md ("Bundle size") for where the bytes go
    // (issue 13 added about 720 B to every bundle: the table there says what each feature costs)
    name: 'one plain operation (path parameter, bearer auth)',
    code: `const op = { method: 'GET', path: '/organization/users/{user_id}', params: ['path:user_id'], security: [['ApiKeyAuth']] };
export const retrieveUser = (client, params, options) => rt.request(client, op, params, options);`,
    files: core,
    // only the default parameter styles, no basic auth encoder, no body encoders
    absent: ['deepObject', 'btoa', 'new FormData', 'x-www-form', 'jsonl', 'asyncIterator'],
    // issue 13: +4 B for awaited body encoders, +715 B for the transport (templates/runtime/README.md)
    budget: 4200,
  },
  {
    name: 'a list of an API without security schemes (GitHub list users)',
    client: anonymousClient,
    code: `const op = { method: 'GET', path: '/users', params: ['query:since', 'query:per_page'] };
export const usersList = (client, params, options) => rt.request(client, op, params, options);`,
    files: core.filter((f) => f != 'auth.ts'),
    absent: ['needs credentials', 'MissingCredentialsError', 'Bearer'],
    budget: 3850,
  },
  {
    name: 'a list without pagination (query parameters)',
    code: `const op = { method: 'GET', path: '/organization/users', ${listParams} };
export const listUsers = (client, params, options) => rt.request(client, op, params, options);`,
    files: core,
    absent: ['deepObject'],
    budget: 4210,
  },
  {
    name: 'a cursor-paginated list (OpenAI list users)',
    code: `const pagination = { kind: 'cursor', param: 'after', items: 'data', hasMore: 'has_more', nextCursor: 'last_id' };
const op = { method: 'GET', path: '/organization/users', ${listParams} };
export const listUsers = (client, params, options) => rt.paginate(client, op, pagination, params, options);`,
    files: [...core, 'pagination.ts'].sort(),
    // the page-number and next-URL strategies stay out
    absent: ['another origin', 'totalPages', 'link'],
    // +20 B: the walk's rule (`nextPageParam`) and a page's items (`pageItems`) are functions of
    // their own, which the TanStack Query plugin's infinite queries call too
    budget: 4710,
  },
  {
    name: 'a next-URL list (Link header)',
    code: `const pagination = { kind: 'url', nextUrl: 'link', items: '', next: rt.byNextUrl };
export const list = (client, params) => rt.paginate(client, { method: 'GET', path: '/users' }, pagination, params);`,
    files: [...core, 'pagination.ts'].sort(),
    absent: [],
    // +10 B: pagination paths find a field named with a dot (`@odata.nextLink`); +20 B:
    // `nextPageParam` and `pageItems`, shared with the TanStack Query plugin
    budget: 4840,
  },
  {
    name: 'an upload (multipart)',
    code: `export const upload = (c, p) => rt.request(c, { method: 'POST', path: '/files', body: { kind: 'multipart', mediaType: 'multipart/form-data', encode: rt.toFormData }, security: [['ApiKeyAuth']] }, p);`,
    files: [...core, 'files.ts', 'multipart.ts'].sort(),
    // the form encoder and the parameter styles stay out
    absent: ['x-www-form', 'matrix'],
    // issue 13: files of any kind (streams read first), file names from the media type, encodings,
    // deepObject fields, array formats: +690 B (templates/runtime/README.md, "Bundle size")
    budget: 4945,
  },
  {
    name: 'a form body (application/x-www-form-urlencoded)',
    code: `export const create = (c, p) => rt.request(c, { method: 'POST', path: '/v1/customers', body: { kind: 'form', mediaType: 'application/x-www-form-urlencoded', encode: rt.formBody, encoding: { metadata: { style: 'deepObject', explode: true } }, arrays: 'indexed' }, security: [['ApiKeyAuth']] }, p);`,
    files: [...core, 'form.ts'].sort(),
    absent: ['new FormData', 'jsonl'],
    // every style per property, through serializeParam's code
    budget: 5060,
  },
  {
    name: 'a stream (text/event-stream)',
    code: `export const chat = (c, p) => rt.stream(c, { method: 'POST', path: '/chat/completions', response: 'sse', body: { kind: 'json', mediaType: 'application/json' }, security: [['ApiKeyAuth']] }, p);`,
    files: [...core, 'sse.ts'].sort(),
    absent: [],
    budget: 4720,
  },
  {
    // issue 19: the client of an API with a clientCredentials flow wraps the client with withOAuth
    name: 'one GET of an OAuth client-credentials API',
    client: `import { withOAuth } from ${JSON.stringify(oauth)};
export const createClient = (config = {}) => withOAuth(rt.createClientCore(config, { baseUrl: 'https://ledger.example.com/v1', securitySchemes: { OAuth: { type: 'bearer', tokenUrl: '/oauth/token', scopes: ['ledger.read'] } }, applyAuth }));`,
    code: `const op = { method: 'GET', path: '/accounts/{id}', params: ['path:id'], security: [['OAuth']] };
export const retrieveAccount = (client, params, options) => rt.request(client, op, params, options);`,
    files: [...core, 'oauth.ts'].sort(),
    absent: ['webhook-signature'],
    budget: 5280, // + the token request's timeout (issue 19)
  },
  {
    // issue 19: a package's src/webhooks.ts, used alone (a webhook receiver needs no client)
    name: 'verifyWebhook and parseWebhook alone',
    client: '',
    code: `import { parseEvent, verifySignature } from ${JSON.stringify(webhooks)};
const events = [{ name: 'order_created', property: 'type', value: 'order.created' }];
export const parseWebhook = (body, headers = {}) => parseEvent(events, body, headers);
export const verifyWebhook = async (secret, headers, body, options) => (await verifySignature(secret, headers, body, options), parseWebhook(body, headers));`,
    files: ['errors.ts', 'webhooks.ts'],
    absent: ['tokenUrl', 'fetch('],
    budget: 1310, // + Ed25519 (v1a) signatures (issue 19)
  },
];

describe('bundle size and tree-shaking', () => {
  for (const c of cases) {
    it(`${c.name}: only the runtime it needs, within ${c.budget} B min+gzip`, async () => {
      const { text, min, gzip, files } = await bundle(`${c.client ?? client}\n${c.code}`);
      // no other bundle takes the OAuth or webhook runtime
      if (!c.files.includes('oauth.ts')) expect(files).not.toContain('oauth.ts');
      if (!c.files.includes('webhooks.ts')) expect(files).not.toContain('webhooks.ts');
      console.log(`${c.name}: ${min} B minified, ${gzip} B min+gzip`);
      expect(files).toEqual(c.files);
      for (const marker of c.absent) expect(text).not.toContain(marker);
      expect(gzip).toBeLessThanOrEqual(c.budget);
    });
  }

  it('the validate feature (packages with the zod plugin): a client without validators grows by at most 560 B', async () => {
    // one plain operation, as the first case: what `validate.ts` and its hooks add when unused
    const code = cases[0]!.code;
    const plain = await bundle(`${client}\n${code}`);
    const withFeature = await bundle(`${client}\n${code}`, validateRuntime);
    console.log(`validate feature: ${plain.gzip} → ${withFeature.gzip} B min+gzip (+${withFeature.gzip - plain.gzip} B), ${plain.min} → ${withFeature.min} B minified`);
    expect(withFeature.files).toEqual([...core, 'validate.ts'].sort());
    expect(withFeature.text).toContain('ValidationError');
    expect(plain.text).not.toContain('ValidationError');
    expect(withFeature.gzip - plain.gzip).toBeLessThanOrEqual(560);
    expect(withFeature.gzip).toBeLessThanOrEqual(cases[0]!.budget + 560);
  });

  it('importing the runtime has no side effects', async () => {
    const { min } = await bundle('export {};');
    expect(min).toBe(0);
  });
});
