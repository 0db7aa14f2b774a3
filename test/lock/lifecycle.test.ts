/**
 * Names across several regenerations: collisions never move an existing name, aliases
 * follow their identity through later renames, expire at the next major version (unless
 * configured otherwise), give way to live names, and go with `--reset-names`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compile, generate, packageFiles, readLockFile, readModels, readOut, workspace, type Workspace } from './helpers.js';

type Schemas = Record<string, object>;
interface Op {
  path: string;
  method?: string;
  id?: string;
  /** a component schema name, or an inline schema */
  response?: string | object;
}

/** A small OpenAPI 3.1 document (JSON is YAML). */
function spec(schemas: Schemas, ops: Op[]): { text: string } {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of ops) {
    const schema = typeof op.response === 'string' ? { $ref: `#/components/schemas/${op.response}` } : (op.response ?? { type: 'string' });
    paths[op.path] ??= {};
    paths[op.path][op.method ?? 'get'] = {
      ...(op.id ? { operationId: op.id } : {}),
      responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
    };
  }
  return { text: JSON.stringify({ openapi: '3.1.0', info: { title: 'Lifecycle', version: '1.0.0' }, paths, components: { schemas } }, null, 2) };
}

const thing = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
const other = { type: 'object', properties: { count: { type: 'integer' } } };
const third = { type: 'object', properties: { flag: { type: 'boolean' } } };

const aliasesOf = (w: Workspace) => Object.fromEntries((readLockFile(w).aliases ?? []).map((a) => [a.name, `${a.target}@${a.since}`]));
const exportsOf = (w: Workspace) => readModels(w) + (existsSync(join(w.out, 'src/aliases.ts')) ? readOut(w, 'src/aliases.ts') : '');

describe('name stability: a new identity that wants a taken name never takes it', () => {
  const cases: { name: string; before: ReturnType<typeof spec>; after: ReturnType<typeof spec>; keeps: RegExp[]; fresh: RegExp[] }[] = [
    {
      name: 'a component schema whose spec name is exactly the name',
      before: spec({ user: thing }, [{ path: '/a', id: 'getA', response: 'user' }]),
      after: spec({ user: thing, User: other }, [{ path: '/a', id: 'getA', response: 'user' }]),
      keeps: [/export interface User \{\n\s+id: string;/],
      fresh: [/export interface User2 \{\n\s+count\?: number;/],
    },
    {
      name: 'a component schema with the name of an inline body',
      before: spec({ Thing: thing }, [{ path: '/a', id: 'getA', response: other }]),
      after: spec({ Thing: thing, GetAResponse: third }, [{ path: '/a', id: 'getA', response: other }]),
      keeps: [/export interface GetAResponse \{\n\s+count\?: number;/],
      fresh: [/export interface GetAResponse2 \{\n\s+flag\?: boolean;/],
    },
    {
      name: 'an operation whose operationId is exactly the function name',
      before: spec({ Thing: thing }, [{ path: '/a', id: 'list-things', response: 'Thing' }]),
      after: spec({ Thing: thing }, [
        { path: '/a', id: 'list-things', response: 'Thing' },
        { path: '/b', id: 'listThings', response: 'Thing' },
      ]),
      keeps: [/export function listThings\(\s*client: Client,\s*params\?: ListThingsParams/],
      fresh: [/export function listThings2\(/],
    },
  ];
  it.each(cases)('$name', async (c) => {
    const w = workspace();
    await generate(w, c.before);
    const result = await generate(w, c.after);
    const code = [...packageFiles(w)].filter(([p]) => p.startsWith('src/') && !p.startsWith('src/runtime/')).map(([, t]) => t).join('\n');
    for (const re of [...c.keeps, ...c.fresh]) expect(code).toMatch(re);
    expect(result.release.verdict?.semver).toBe('minor'); // only additions
    expect(result.diagnostics.warnings.map((d) => d.code)).toContain('W_NAME_CLASH');
  });

  it('reordering the spec renames nothing', async () => {
    const w = workspace();
    await generate(w, spec({ b: other, a: thing, A: third }, [{ path: '/x', id: 'getX', response: 'a' }]));
    const before = exportsOf(w);
    const result = await generate(w, spec({ A: third, a: thing, b: other }, [{ path: '/x', id: 'getX', response: 'a' }]));
    expect(exportsOf(w)).toBe(before);
    expect(result.release.verdict?.semver).toBe('none');
  });
});

describe('deprecated aliases over several versions', () => {
  it('follow their identity through a second rename, each with the version that renamed it', async () => {
    const w = workspace();
    await generate(w, spec({ 'Conversation-2': thing }, [{ path: '/c', id: 'getC', response: 'Conversation-2' }]));
    await generate(w, spec({ ConversationItem: thing }, [{ path: '/c', id: 'getC', response: 'ConversationItem' }]));
    expect(aliasesOf(w)).toEqual({ Conversation2: 'ConversationItem@1.1.0' });
    const third = await generate(w, spec({ ResponseConversation: thing }, [{ path: '/c', id: 'getC', response: 'ResponseConversation' }]));
    expect(third.release.version).toBe('1.2.0');
    expect(aliasesOf(w)).toEqual({ Conversation2: 'ResponseConversation@1.1.0', ConversationItem: 'ResponseConversation@1.2.0' });
    const used = `import type { Conversation2, ConversationItem, ResponseConversation } from './out/src/index.js';\nexport const a: Conversation2 = { id: 'a' };\nexport const b: ConversationItem = a;\nexport const c: ResponseConversation = b;\n`;
    expect(compile(w, { 'consumer.ts': used })).toEqual({ errors: [], deprecated: ["'Conversation2' is deprecated.", "'ConversationItem' is deprecated."] });
    expect(readOut(w, 'CHANGELOG.md')).toMatch(/## 1\.2\.0[\s\S]*`ConversationItem` → `ResponseConversation`[\s\S]*## 1\.1\.0[\s\S]*`Conversation2` → `ConversationItem`/);
  });

  it('renamed back: the alias of the name that is live again goes, quietly', async () => {
    const w = workspace();
    await generate(w, spec({ Thing: thing }, [{ path: '/t', id: 'getT', response: 'Thing' }]));
    await generate(w, spec({ Item: thing }, [{ path: '/t', id: 'getT', response: 'Item' }]));
    expect(aliasesOf(w)).toEqual({ Thing: 'Item@1.1.0' });
    const back = await generate(w, spec({ Thing: thing }, [{ path: '/t', id: 'getT', response: 'Thing' }]));
    expect(aliasesOf(w)).toEqual({ Item: 'Thing@1.2.0' });
    expect(back.diagnostics.warnings).toEqual([]);
    expect(back.release.verdict?.semver).toBe('minor');
  });

  it('expire at the next major version and are listed in the CHANGELOG', async () => {
    const w = workspace();
    await generate(w, spec({ Thing: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Thing' }, { path: '/o', id: 'getO', response: 'Other' }]));
    await generate(w, spec({ Item: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Item' }, { path: '/o', id: 'getO', response: 'Other' }]));
    expect(aliasesOf(w)).toEqual({ Thing: 'Item@1.1.0' });
    // removing an operation is a major change: the 1.x aliases go with it
    const major = await generate(w, spec({ Item: thing }, [{ path: '/t', id: 'getT', response: 'Item' }]));
    expect(major.release.version).toBe('2.0.0');
    expect(aliasesOf(w)).toEqual({});
    expect(existsSync(join(w.out, 'src/aliases.ts'))).toBe(false);
    expect(readOut(w, 'src/index.ts')).not.toContain('aliases');
    expect(readOut(w, 'CHANGELOG.md')).toMatch(/## 2\.0\.0[\s\S]*### Deprecated aliases removed\n\n- `Thing` \(alias of `Item` since `1\.1\.0`\): kept until this major version/);
  });

  it('stay across major versions with keepUntilMajor: false', async () => {
    const w = workspace({ aliases: { keepUntilMajor: false } });
    await generate(w, spec({ Thing: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Thing' }, { path: '/o', id: 'getO', response: 'Other' }]));
    await generate(w, spec({ Item: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Item' }, { path: '/o', id: 'getO', response: 'Other' }]));
    const major = await generate(w, spec({ Item: thing }, [{ path: '/t', id: 'getT', response: 'Item' }]));
    expect(major.release.version).toBe('2.0.0');
    expect(aliasesOf(w)).toEqual({ Thing: 'Item@1.1.0' });
  });

  it('are not kept with aliases: false: a rename is then a major change', async () => {
    const w = workspace({ aliases: { enabled: false } });
    await generate(w, spec({ Thing: thing }, [{ path: '/t', id: 'get-thing', response: 'Thing' }]));
    const renamed = await generate(w, spec({ Item: thing }, [{ path: '/t', id: 'fetch-thing', response: 'Item' }]));
    expect(renamed.release.verdict?.semver).toBe('major');
    expect(renamed.release.version).toBe('2.0.0');
    expect(existsSync(join(w.out, 'src/aliases.ts'))).toBe(false);
    expect(readOut(w, 'CHANGELOG.md')).toMatch(/### Renamed without an alias[\s\S]*- `getThing` → `fetchThing`[\s\S]*- `Thing` → `Item`/);
  });

  it('go when their identity is removed', async () => {
    const w = workspace();
    await generate(w, spec({ Thing: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Other' }]));
    await generate(w, spec({ Item: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Other' }]));
    expect(aliasesOf(w)).toEqual({ Thing: 'Item@1.1.0' });
    const gone = await generate(w, spec({ Other: other }, [{ path: '/t', id: 'getT', response: 'Other' }]));
    expect(gone.release.version).toBe('2.0.0');
    expect(aliasesOf(w)).toEqual({});
    expect(readOut(w, 'CHANGELOG.md')).toContain('- `Thing` (alias of `Item` since `1.1.0`): `Item` was removed');
  });

  it('give way to a new schema that takes their name, with a warning; that is a major change', async () => {
    const w = workspace();
    await generate(w, spec({ 'Conversation-2': thing }, [{ path: '/c', id: 'getC', response: 'Conversation-2' }]));
    await generate(w, spec({ ResponseConversation: thing }, [{ path: '/c', id: 'getC', response: 'ResponseConversation' }]));
    const taken = await generate(w, spec({ ResponseConversation: thing, Conversation2: other }, [{ path: '/c', id: 'getC', response: 'ResponseConversation' }]));
    expect(taken.diagnostics.warnings.map((d) => d.code)).toEqual(['W_ALIAS_SHADOWED']);
    expect(aliasesOf(w)).toEqual({});
    expect(readModels(w)).toMatch(/export interface Conversation2 \{\n\s+count\?: number;/);
    expect(taken.release.verdict?.semver).toBe('major');
    expect(readOut(w, 'CHANGELOG.md')).toContain('- `Conversation2` (alias of `ResponseConversation` since `1.1.0`): the name now belongs to another export');
  });

  it('an operation renamed while another one takes its old name: no alias, a major change', async () => {
    const w = workspace();
    await generate(w, spec({ Thing: thing }, [{ path: '/a', id: 'listThings', response: 'Thing' }, { path: '/b', id: 'listOthers', response: 'Thing' }]));
    // the two operationIds swap: the same function names now call the other endpoint
    const swapped = await generate(w, spec({ Thing: thing }, [{ path: '/a', id: 'listOthers', response: 'Thing' }, { path: '/b', id: 'listThings', response: 'Thing' }]));
    expect(aliasesOf(w)).toEqual({});
    expect(swapped.release.verdict?.semver).toBe('major');
    expect(swapped.diagnostics.warnings.map((d) => d.code)).toContain('W_ALIAS_SHADOWED');
    expect(readOut(w, 'CHANGELOG.md')).toMatch(/### Renamed without an alias[\s\S]*`listThings` → `listOthers`: no alias, `listThings` now names `GET \/b`/);
  });

  it('an operation with a stream variant keeps every export of it: function, stream, params, error', async () => {
    const events = (id: string) => ({
      text: JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Streams', version: '1.0.0' },
        paths: {
          '/chat': {
            post: {
              operationId: id,
              responses: {
                '200': {
                  description: 'ok',
                  content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string' } } } }, 'text/event-stream': { schema: { type: 'string' } } },
                },
                // a typed error body: the operation exports its error type too
                '400': { description: 'bad', content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } } },
              },
            },
          },
        },
      }),
    });
    const w = workspace();
    await generate(w, events('create-chat'));
    await generate(w, events('create-chat-completion'));
    expect(aliasesOf(w)).toEqual({
      createChat: 'createChatCompletion@1.1.0',
      createChatStream: 'createChatCompletionStream@1.1.0',
      CreateChatParams: 'CreateChatCompletionParams@1.1.0',
      CreateChatError: 'CreateChatCompletionError@1.1.0',
      CreateChatJsonResponse: 'CreateChatCompletionJsonResponse@1.1.0',
    });
    const used = `import { createClient, createChat, createChatStream, type CreateChatJsonResponse } from './out/src/index.js';\nconst client = createClient({ baseUrl: 'http://127.0.0.1:1' });\nexport const r: Promise<CreateChatJsonResponse> = createChat(client);\nexport const s = createChatStream(client);\n`;
    expect(compile(w, { 'consumer.ts': used }).errors).toEqual([]);
  });

  it('--reset-names drops them', async () => {
    const w = workspace();
    await generate(w, spec({ Thing: thing }, [{ path: '/t', id: 'getT', response: 'Thing' }]));
    await generate(w, spec({ Item: thing }, [{ path: '/t', id: 'getT', response: 'Item' }]));
    const reset = await generate(w, spec({ Item: thing }, [{ path: '/t', id: 'getT', response: 'Item' }]), { resetNames: true });
    expect(aliasesOf(w)).toEqual({});
    expect(reset.release.version).toBe('2.0.0');
    expect(readOut(w, 'CHANGELOG.md')).toContain('- `Thing` (alias of `Item` since `1.1.0`): names were reset (`--reset-names`)');
  });

  it('a version pinned in the config is kept; its CHANGELOG entry grows', async () => {
    const w = workspace({ version: '3.0.0' });
    await generate(w, spec({ Thing: thing }, [{ path: '/t', id: 'getT', response: 'Thing' }]));
    const renamed = await generate(w, spec({ Item: thing }, [{ path: '/t', id: 'getT', response: 'Item' }]));
    expect(renamed.release.version).toBe('3.0.0');
    expect(aliasesOf(w)).toEqual({ Thing: 'Item@3.0.0' });
    await generate(w, spec({ Item: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Item' }, { path: '/o', id: 'getO', response: 'Other' }]));
    const log = readOut(w, 'CHANGELOG.md');
    expect(log.match(/^## /gm)).toEqual(['## ']);
    expect(log).toMatch(/## 3\.0\.0\n\nMinor change, [\s\S]*### Added\n\n- `GetOParams`[\s\S]*Minor change, [\s\S]*`Thing` → `Item`/);
    // pinning the next major drops the 3.x aliases
    await generate(w, spec({ Item: thing, Other: other }, [{ path: '/t', id: 'getT', response: 'Item' }, { path: '/o', id: 'getO', response: 'Other' }]), { version: '4.0.0' });
    expect(aliasesOf(w)).toEqual({});
  });
});
