/**
 * A spec read from a URL, as a user runs it: a local HTTP server serves a spec in two files
 * (the root's relative `$ref` is a URL too) behind a bearer token from the config; the CLI
 * runs in a project folder. First run fetches; the next asks "changed?" (ETag on one file,
 * Last-Modified on the other), gets 304s and is up to date; a changed file regenerates; a
 * 404, a refused token or an unreachable server is a clear error with exit code 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startRecordingServer, type RecordingServer, type Reply } from '../server.js';
import { oagenAsync, projectWithOagen, sourceText } from './run.js';

const ROOT_SPEC = `openapi: 3.1.0
info: { title: Remote Pets, version: 1.0.0 }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: 'models.yaml#/Pet' }
`;
const MODELS = `Pet: { type: object, required: [id], properties: { id: { type: string }, name: { type: string } } }\n`;
const TOKEN = 'test-token-123';

interface Hit {
  path: string;
  status: number;
  conditional: boolean;
}

const files = new Map<string, { body: string; modified: Date }>();
const hits: Hit[] = [];
let server: RecordingServer;
let base: string;

function serve(path: string, body: string): void {
  const before = files.get(path)?.modified.getTime() ?? Date.UTC(2026, 0, 1);
  files.set(path, { body, modified: new Date(before + 60_000) });
}

beforeAll(async () => {
  serve('/api/openapi.yaml', ROOT_SPEC);
  serve('/api/models.yaml', MODELS);
  server = await startRecordingServer((req) => {
    const { path } = req;
    const file = files.get(path);
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    const answer = (status: number, headers: Record<string, string> = {}, body?: string): Reply => {
      hits.push({ path, status, conditional });
      return { status, headers, body };
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return answer(401);
    if (!file) return answer(404);
    // the root answers with an ETag, the models file with Last-Modified only
    if (path.endsWith('openapi.yaml')) {
      const etag = `"${createHash('sha1').update(file.body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) return answer(304, { etag });
      return answer(200, { etag, 'content-type': 'application/yaml' }, file.body);
    }
    const since = req.headers['if-modified-since'];
    if (since && new Date(since).getTime() >= file.modified.getTime()) return answer(304);
    return answer(200, { 'last-modified': file.modified.toUTCString(), 'content-type': 'application/yaml' }, file.body);
  });
  base = server.url;
});

afterAll(() => server.close());

function project(spec: string): string {
  const dir = projectWithOagen();
  writeFileSync(join(dir, 'oagen.config.json'), JSON.stringify({ clients: [{ name: 'pets', spec, output: 'out/pets', fetch: { headers: { Authorization: 'Bearer ${PETS_SPEC_TOKEN}' }, timeout: 5000 } }] }));
  return dir;
}

const env = { PETS_SPEC_TOKEN: TOKEN };

async function generate(dir: string): Promise<{ how: string; hits: Hit[] }> {
  const from = hits.length;
  const r = await oagenAsync(['generate'], dir, { env });
  expect(r.code, r.stderr).toBe(0);
  return { how: /\(up to date\)/.test(r.stdout) ? 'up to date' : /written/.test(r.stdout) ? 'generated' : r.stdout, hits: hits.slice(from) };
}

describe('spec from a URL', () => {
  it('fetches a multi-file spec, revalidates (304: up to date), regenerates when a file changed', async () => {
    const dir = project(`${base}/api/openapi.yaml`);
    const first = await generate(dir);
    expect(first.how).toBe('generated');
    expect(first.hits.map((h) => `${h.path} ${h.status}`).sort()).toEqual(['/api/models.yaml 200', '/api/openapi.yaml 200']);
    expect(sourceText(join(dir, 'out/pets'))).toMatch(/export function getPet\b/);
    expect(existsSync(join(dir, 'node_modules/.cache/oagen/specs'))).toBe(true);

    const second = await generate(dir);
    expect(second.how).toBe('up to date');
    expect(second.hits.map((h) => `${h.path} ${h.status} ${h.conditional}`).sort()).toEqual(['/api/models.yaml 304 true', '/api/openapi.yaml 304 true']);

    serve('/api/models.yaml', MODELS.replace('name: { type: string }', 'name: { type: string }, age: { type: integer }'));
    const third = await generate(dir);
    expect(third.how).toBe('generated');
    expect(sourceText(join(dir, 'out/pets'))).toMatch(/age\?: number/);
    expect((await generate(dir)).how).toBe('up to date');
  });

  it('--spec URL --out DIR generates without a config', async () => {
    const dir = projectWithOagen();
    // no headers without a config: a server that wants none
    const open = await startRecordingServer(() => ({ body: { openapi: '3.0.3', info: { title: 'Open', version: '1.0.0' }, paths: { '/x': { get: { operationId: 'getX', responses: { '204': { description: 'none' } } } } } } }));
    try {
      const r = await oagenAsync(['generate', '--spec', `${open.url}/v1/openapi.json`, '--out', 'out/x'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^openapi 1\.0\.0: 1 operations/);
      expect(sourceText(join(dir, 'out/x'))).toMatch(/export function getX\b/);
    } finally {
      await open.close();
    }
  });

  it('a 404 is exit 2 naming the URL and the status; nothing is written', async () => {
    const dir = project(`${base}/api/missing.yaml`);
    const r = await oagenAsync(['generate'], dir, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`E_SPEC_FETCH: ${base}/api/missing.yaml answered 404 Not Found`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a refused token is exit 2 with a hint about headers', async () => {
    const dir = project(`${base}/api/openapi.yaml`);
    const r = await oagenAsync(['generate'], dir, { env: { PETS_SPEC_TOKEN: 'wrong' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answered 401 Unauthorized \(a private spec needs headers/);
  });

  it('an unreachable server is exit 2; a ref file missing on the server is an error too', async () => {
    const port = await freePort();
    const dir = project(`http://127.0.0.1:${port}/openapi.yaml`);
    const r = await oagenAsync(['generate'], dir, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`E_SPEC_FETCH: cannot reach http://127.0.0.1:${port}/openapi.yaml: ECONNREFUSED`);

    serve('/broken/openapi.yaml', ROOT_SPEC.replace('models.yaml', 'nope.yaml'));
    const dir2 = project(`${base}/broken/openapi.yaml`);
    const r2 = await oagenAsync(['generate'], dir2, { env });
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toContain(`${base}/broken/nope.yaml answered 404`);
  });
});

describe('credentials', () => {
  it('the config\'s headers go to the spec\'s server only, not to another server a $ref points to', async () => {
    const other = await startRecordingServer(() => ({ body: MODELS, headers: { 'content-type': 'application/yaml' } }));
    try {
      serve('/cross/openapi.yaml', ROOT_SPEC.replace(`'models.yaml#/Pet'`, `'${other.url}/models.yaml#/Pet'`));
      const dir = project(`${base}/cross/openapi.yaml`);
      const r = await oagenAsync(['generate'], dir, { env });
      expect(r.code, r.stderr).toBe(0);
      expect(other.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
      expect(sourceText(join(dir, 'out/pets'))).toMatch(/export function getPet\b/);
    } finally {
      await other.close();
    }
  });
});

describe('spec from standard input', () => {
  it('--spec - reads the spec piped in; no stamp is kept', async () => {
    const dir = projectWithOagen();
    const spec = ROOT_SPEC.replace(`{ $ref: 'models.yaml#/Pet' }`, '{ type: object, properties: { id: { type: string } } }');
    const r = await oagenAsync(['generate', '--spec', '-', '--out', 'out/piped', '--name', 'piped'], dir, { input: spec });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^piped 1\.0\.0: 1 operations/);
    const again = await oagenAsync(['generate', '--spec', '-', '--out', 'out/piped', '--name', 'piped'], dir, { input: spec });
    expect(again.stdout).not.toMatch(/up to date/);
    expect(again.stdout).toMatch(/0 written/);
  });
});
