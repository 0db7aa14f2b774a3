/**
 * The TypeScript-surface claim, checked for real: a small consumer program written against
 * the old generated package is compiled against the old package (it must compile) and
 * against the new one; it fails to compile exactly when the diff says the generated package
 * needs a major release. Each case is one change, so "major" means "this change breaks
 * TypeScript users"; `breaks` is written down by hand so the test can disagree with both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { diffApis } from '../../src/diff/index.js';
import { renderPackage } from '../../src/diff/surface/render.js';
import { loadIR } from '../../src/generate.js';
import { assignNames } from '../../src/naming/names.js';
import { addResponseTo, bothApi, doc, int, num, obj, paramApi, readApi, ref, str, tempDir, writeApi, type Json } from './helpers.js';

interface Case {
  name: string;
  old: Json;
  new: Json;
  /** uses the old package through `api` (`import * as api from './pkg/src/index.js'`) */
  consumer: string;
  /** does the consumer stop compiling against the new package? */
  breaks: boolean;
  /** the bump expected for a change that does not break (to pin the non-major verdicts) */
  semver?: 'minor' | 'patch' | 'none';
}

const client = `const client = api.createClient({ baseUrl: 'http://localhost' });`;
const readThing = `${client}\nexport async function use() {\n  const t = await api.getThing(client, { id: '1' });\n`;
const enumApi = (values: string[]) => readApi(obj({ e: { type: 'string', enum: values } }, ['e']));

const cases: Case[] = [
  {
    name: 'response: required property removed',
    old: readApi(obj({ a: str, b: str }, ['a', 'b'])),
    new: readApi(obj({ a: str }, ['a'])),
    consumer: `${readThing}  return t.a.length + t.b.length;\n}`,
    breaks: true,
  },
  {
    name: 'response: optional property added',
    old: readApi(obj({ a: str }, ['a'])),
    new: readApi(obj({ a: str, b: str }, ['a'])),
    consumer: `${readThing}  const copy: api.Thing = t;\n  return copy.a.length;\n}`,
    breaks: false,
    semver: 'minor',
  },
  {
    name: 'response: optional property removed (contract warning)',
    old: readApi(obj({ a: str, b: str }, ['a'])),
    new: readApi(obj({ a: str }, ['a'])),
    consumer: `${readThing}  return t.b ?? t.a;\n}`,
    breaks: true,
  },
  {
    name: 'response: property became optional',
    old: readApi(obj({ a: str }, ['a'])),
    new: readApi(obj({ a: str })),
    consumer: `${readThing}  return t.a.length;\n}`,
    breaks: true,
  },
  {
    name: 'response: may now be null',
    old: readApi(obj({ a: str }, ['a'])),
    new: readApi(obj({ a: { type: ['string', 'null'] } }, ['a'])),
    consumer: `${readThing}  const s: string = t.a;\n  return s;\n}`,
    breaks: true,
  },
  {
    name: 'response: type changed string → integer',
    old: readApi(obj({ at: str }, ['at'])),
    new: readApi(obj({ at: int }, ['at'])),
    consumer: `${readThing}  return new Date(t.at.toUpperCase());\n}`,
    breaks: true,
  },
  {
    name: 'response: enum value removed (comparisons with it no longer compile)',
    old: enumApi(['on', 'off']),
    new: enumApi(['on']),
    consumer: `${readThing}  return t.e === 'off';\n}`,
    breaks: true,
  },
  {
    name: 'response: enum value added (comparisons and switches still compile)',
    old: enumApi(['on', 'off']),
    new: enumApi(['on', 'off', 'auto']),
    consumer: `${readThing}  if (t.e === 'off') return -1;\n  switch (t.e) {\n    case 'on': return 1;\n    default: return 0;\n  }\n}`,
    breaks: false,
    semver: 'minor',
  },
  {
    name: 'request: required property added',
    old: writeApi(obj({ a: str }, ['a'])),
    new: writeApi(obj({ a: str, b: str }, ['a', 'b'])),
    consumer: `${client}\nexport const done = api.createThing(client, { body: { a: 'x' } });`,
    breaks: true,
  },
  {
    name: 'request: optional property added',
    old: writeApi(obj({ a: str }, ['a'])),
    new: writeApi(obj({ a: str, b: str }, ['a'])),
    consumer: `${client}\nconst body: api.Thing = { a: 'x' };\nexport const done = api.createThing(client, { body });`,
    breaks: false,
    semver: 'minor',
  },
  {
    name: 'request: optional property removed (object literals with it fail)',
    old: writeApi(obj({ a: str, b: str }, ['a'])),
    new: writeApi(obj({ a: str }, ['a'])),
    consumer: `${client}\nexport const done = api.createThing(client, { body: { a: 'x', b: 'y' } });`,
    breaks: true,
  },
  {
    name: 'request: enum value removed',
    old: writeApi(obj({ e: { type: 'string', enum: ['on', 'off'] } }, ['e'])),
    new: writeApi(obj({ e: { type: 'string', enum: ['on'] } }, ['e'])),
    consumer: `${client}\nexport const done = api.createThing(client, { body: { e: 'off' } });`,
    breaks: true,
  },
  {
    name: 'request: enum value added',
    old: writeApi(obj({ e: { type: 'string', enum: ['on'] } }, ['e'])),
    new: writeApi(obj({ e: { type: 'string', enum: ['on', 'off'] } }, ['e'])),
    consumer: `${client}\nexport const done = api.createThing(client, { body: { e: 'on' } });`,
    breaks: false,
    semver: 'minor',
  },
  {
    name: 'request: type widened integer → number or string',
    old: writeApi(obj({ n: int }, ['n'])),
    new: writeApi(obj({ n: { anyOf: [num, str] } }, ['n'])),
    consumer: `${client}\nconst n: number = 3;\nexport const done = api.createThing(client, { body: { n } });`,
    breaks: false,
    semver: 'minor',
  },
  {
    name: 'both ways: a schema read and written gains a required property',
    old: bothApi(obj({ a: str }, ['a'])),
    new: bothApi(obj({ a: str, b: str }, ['a', 'b'])),
    consumer: `${client}\nexport const done = api.createThing(client, { body: { a: 'x' } });`,
    breaks: true,
  },
  {
    name: 'parameter became required',
    old: paramApi([{ name: 'limit', in: 'query', schema: int }]),
    new: paramApi([{ name: 'limit', in: 'query', required: true, schema: int }]),
    consumer: `${client}\nexport const page = api.listThings(client, {});`,
    breaks: true,
  },
  {
    name: 'optional parameter added',
    old: paramApi([{ name: 'limit', in: 'query', schema: int }]),
    new: paramApi([
      { name: 'limit', in: 'query', schema: int },
      { name: 'after', in: 'query', schema: str },
    ]),
    consumer: `${client}\nexport const page = api.listThings(client, { limit: 10 });`,
    breaks: false,
    semver: 'minor',
  },
  {
    name: 'schema renamed: the wire is the same, the exported type is gone',
    old: readApi(obj({ c: ref('Conversation-2') }, ['c']), { 'Conversation-2': obj({ id: str }, ['id']) }),
    new: readApi(obj({ c: ref('ResponseConversation') }, ['c']), { ResponseConversation: obj({ id: str }, ['id']) }),
    consumer: `${readThing}  const c: api.Conversation2 = t.c;\n  return c.id;\n}`,
    breaks: true,
  },
  {
    name: 'operationId changed: the function is renamed',
    old: doc({ '/a': { get: { operationId: 'create-x', responses: { '204': { description: 'ok' } } } } }),
    new: doc({ '/a': { get: { operationId: 'CreateX', responses: { '204': { description: 'ok' } } } } }),
    consumer: `${client}\nexport const done = api.createX(client);`,
    breaks: false,
    semver: 'none',
  },
  {
    name: 'operationId changed to another name',
    old: doc({ '/a': { get: { operationId: 'getA', responses: { '204': { description: 'ok' } } } } }),
    new: doc({ '/a': { get: { operationId: 'fetchA', responses: { '204': { description: 'ok' } } } } }),
    consumer: `${client}\nexport const done = api.getA(client);`,
    breaks: true,
  },
  {
    name: 'operation removed',
    old: doc({ '/a': { get: { operationId: 'getA', responses: { '204': { description: 'ok' } } } }, '/b': { get: { operationId: 'getB', responses: { '204': { description: 'ok' } } } } }),
    new: doc({ '/a': { get: { operationId: 'getA', responses: { '204': { description: 'ok' } } } } }),
    consumer: `${client}\nexport const done = api.getB(client);`,
    breaks: true,
  },
  {
    name: 'operation deprecated',
    old: doc({ '/a': { get: { operationId: 'getA', responses: { '204': { description: 'ok' } } } } }),
    new: doc({ '/a': { get: { operationId: 'getA', deprecated: true, responses: { '204': { description: 'ok' } } } } }),
    consumer: `${client}\nexport const done = api.getA(client);`,
    breaks: false,
    semver: 'minor',
  },
  {
    // with no error body declared there is no `GetThingError` (no `= unknown` noise): the new one is an added export
    name: 'error status added: the error type appears',
    old: readApi(obj({ a: str }, ['a'])),
    new: addResponseTo(readApi(obj({ a: str }, ['a'])), '429', obj({ error: obj({ message: str }, ['message']) }, ['error'])),
    consumer: `${client}\nexport async function use() {\n  try {\n    return await api.getThing(client, { id: '1' });\n  } catch (e) {\n    if (e instanceof api.ApiError) return e.body;\n    throw e;\n  }\n}`,
    breaks: false,
    semver: 'minor',
  },
  {
    name: 'documentation-only change (maxLength): patch',
    old: readApi(obj({ a: { ...str, maxLength: 10 } }, ['a'])),
    new: readApi(obj({ a: { ...str, maxLength: 20 } }, ['a'])),
    consumer: `${readThing}  return t.a;\n}`,
    breaks: false,
    semver: 'patch',
  },
  {
    name: 'response integer → number: the same TypeScript type',
    old: readApi(obj({ n: int }, ['n'])),
    new: readApi(obj({ n: num }, ['n'])),
    consumer: `${readThing}  const n: number = t.n;\n  return n;\n}`,
    breaks: false,
  },
];

describe('TypeScript surface: consumer programs compile against the new package exactly when the diff says so', () => {
  for (const c of cases) {
    it(c.name, { timeout: 120_000 }, async () => {
      const { oldIR, newIR } = await load(c.old, c.new);
      const r = diffApis(oldIR, newIR);
      const errors = compileConsumer(c.consumer, renderPackage(oldIR, assignNames(oldIR, new Diagnostics())), renderPackage(newIR, assignNames(newIR, new Diagnostics())));
      expect(errors.old, 'the consumer compiles against the old package').toEqual([]);
      expect(errors.new.length > 0, `the consumer ${c.breaks ? 'breaks' : 'still compiles'} against the new package: ${errors.new.join('; ')}`).toBe(c.breaks);
      expect(r.semver === 'major', `diff says ${r.semver}: ${r.client?.reasons.join('; ')}`).toBe(c.breaks);
      if (c.semver) expect(r.semver).toBe(c.semver);
    });
  }
});

async function load(old: Json, neu: Json) {
  const dir = tempDir();
  writeFileSync(join(dir, 'old.json'), JSON.stringify(withModel(old)));
  writeFileSync(join(dir, 'new.json'), JSON.stringify(withModel(neu)));
  return { oldIR: await loadIR(join(dir, 'old.json'), { diagnostics: new Diagnostics() }), newIR: await loadIR(join(dir, 'new.json'), { diagnostics: new Diagnostics() }) };
}

/**
 * A spec without any schema makes the generator emit a `models.ts` with no export, which
 * TypeScript rejects ("is not a module"; reported to the emitter's owner): give every
 * spec one model so these tests judge the diff, not that.
 */
function withModel(spec: Json): Json {
  const copy = structuredClone(spec) as { components?: { schemas?: Json } };
  copy.components ??= {};
  copy.components.schemas = { Note: obj({ text: str }), ...(copy.components.schemas ?? {}) };
  return copy;
}

/** Type errors of the consumer compiled against each package (one in-memory project, strict). */
function compileConsumer(consumer: string, oldPkg: Map<string, string>, newPkg: Map<string, string>): { old: string[]; new: string[] } {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      noEmit: true,
    },
  });
  const out = { old: [] as string[], new: [] as string[] };
  for (const [side, pkg] of [
    ['old', oldPkg],
    ['new', newPkg],
  ] as const) {
    for (const [path, content] of pkg) if (path.endsWith('.ts')) project.createSourceFile(`/${side}/pkg/${path}`, content);
    project.createSourceFile(`/${side}/consumer.ts`, `import * as api from './pkg/src/index.js';\n${consumer}\n`);
  }
  // the consumer's own errors: the packages themselves are type-checked by the generator's tests
  for (const side of ['old', 'new'] as const) {
    const file = project.getSourceFileOrThrow(`/${side}/consumer.ts`);
    for (const d of file.getPreEmitDiagnostics()) {
      const m = d.getMessageText();
      out[side].push(`${side}/consumer.ts:${d.getLineNumber() ?? ''} ${typeof m === 'string' ? m : m.getMessageText()}`);
    }
  }
  return out;
}
