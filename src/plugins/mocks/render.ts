/**
 * The generated `src/mocks/`: `schemas.ts` (the fake schemas of the models and operations),
 * `index.ts` (one typed `fake…()` per model and per operation) and the generator's runtime,
 * copied from templates/mocks/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { jsDocLines, objectLiteralKey, stringLiteral } from '../../escape/index.js';
import { TEMPLATES_DIR } from '../../emit/templates.js';
import type { ApiView } from '../../view/index.js';
import { fakeOperations, modelFakes, type FakeOperation } from './operations.js';
import { docBlock } from '../../view/printer.js';
import { literalBlock, returnCall, signature } from './layout.js';
import { fakeSchema } from './schema.js';

export interface MocksOptions {
  /** realistic strings from `@faker-js/faker` (a peer dependency) */
  faker?: boolean;
}

/** templates/mocks/*.ts, copied verbatim as src/mocks/. */
export function mocksRuntime(): { name: string; content: string }[] {
  const dir = TEMPLATES_DIR + 'mocks/';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((name) => ({ name, content: readFileSync(dir + name, 'utf8') }));
}

export function renderSchemas(view: ApiView, ops: readonly FakeOperation[]): string {
  const entry = (key: string, v: unknown) => `  ${key}: ${literalBlock(v, '  ', key.length + 3)},\n`;
  const models = view.models.map((m) => entry(objectLiteralKey(m.name), fakeSchema(m.named.schema, view.types.names)));
  const operations = ops.map((o) => {
    const fields = Object.fromEntries((['response', 'params', 'item'] as const).filter((f) => o[f]).map((f) => [f, o[f]]));
    return entry(objectLiteralKey(o.view.names.fn), fields);
  });
  return [
    `${view.header}\n\n`,
    `import type { FakeSchema, FakeSchemas } from './schema.js';\n\n`,
    `/** The fake schema of every model, by model name. */\n`,
    `export const schemas = {\n${models.join('')}} satisfies FakeSchemas;\n\n`,
    `/** The fake schemas of every operation's params, success body and page item, by function name. */\n`,
    `export const operations = {\n${operations.join('')}} satisfies Readonly<\n  Record<string, { response?: FakeSchema; params?: FakeSchema; item?: FakeSchema }>\n>;\n`,
  ].join('');
}

export function renderIndex(view: ApiView, ops: readonly FakeOperation[], options: MocksOptions): string {
  const fakes = modelFakes(view);
  const faker = options.faker ? ', faker' : '';
  const out = [
    `${view.header}\n\n`,
    docBlock([`Fake data for ${jsDocLines(view.ir.info.title)[0] ?? 'the API'}: one \`fake…()\` per model, per operation's success body and params. Deterministic: the same \`seed\` gives the same value.`], ''),
    options.faker ? `import { faker } from '@faker-js/faker';\n` : '',
    `import type * as T from '../index.js';\n`,
    `import { fake, withOverrides, type FakeOptions } from './fake.js';\n`,
    `import { operations, schemas } from './schemas.js';\n\n`,
    `export { fake, withOverrides, type FakeOptions, type FakerLike } from './fake.js';\n`,
    `export { check } from './check.js';\n`,
    `export { operations, schemas } from './schemas.js';\n`,
    `export type { FakeSchema, FakeSchemas } from './schema.js';\n`,
  ];
  for (const m of view.models) {
    const type = `T.${m.name}`;
    const over = m.named.schema.kind === 'object' ? `Partial<${type}>` : type;
    out.push(
      `\n${docBlock([`A fake {@link ${type}}; \`overrides\` replace what they set.`], '')}`,
      signature(fakes.get(m.name)!, [`overrides?: ${over}`, 'options?: FakeOptions'], type),
      returnCall('withOverrides', [`fake(schemas[${stringLiteral(m.name)}], schemas, options${faker})`, 'overrides'], ` as ${type}`),
      '}\n',
    );
  }
  for (const o of ops) {
    const key = stringLiteral(o.view.names.fn);
    if (o.responseFn) {
      const type = o.responseType!;
      const over = type.includes(' | ') ? `(${type})` : type;
      out.push(
        `\n${docBlock([`A fake success body of {@link T.${o.view.names.fn}}.`], '')}`,
        signature(o.responseFn, [`overrides?: Partial<${over}>`, 'options?: FakeOptions'], type),
        returnCall('withOverrides', [`fake(operations[${key}].response, schemas, options${faker})`, 'overrides'], ` as ${type}`),
        '}\n',
      );
    }
    if (o.paramsFn) {
      const type = `T.${o.view.names.params}`;
      out.push(
        `\n${docBlock([`Fake params of {@link T.${o.view.names.fn}} (path, query, header and cookie parameters, and the body).`], '')}`,
        signature(o.paramsFn, [`overrides?: Partial<${type}>`, 'options?: FakeOptions'], type),
        returnCall('withOverrides', [`fake(operations[${key}].params, schemas, options${faker})`, 'overrides'], ` as ${type}`),
        '}\n',
      );
    }
  }
  return out.join('');
}

export { fakeOperations };
