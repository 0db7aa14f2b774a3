/**
 * The README section of the `zod` plugin: the `./zod` subpath, what the schemas follow, the
 * validation modes with one example each (```ts blocks that compile: test/plugins/docs/), and the
 * rule for what Zod cannot check.
 */
import { markdownCode } from '../../escape/index.js';
import type { ApiView, OperationView } from '../../view/index.js';
import type { ReadmeSection } from '../types.js';
import type { ZodOptions } from './options.js';
import { ANNOTATE_ABOVE, sizeAnnotatedModels } from './size.js';

export function zodReadme(view: ApiView, options: Required<ZodOptions>): ReadmeSection {
  const pkg = view.packageName;
  const sub = `${pkg}/zod`;
  const model = view.models.find((m) => m.named.schema.kind === 'object') ?? view.models[0];
  // an operation callable with no parameters, answering JSON, shows the calls
  const op = view.operations.find((o) => o.paramsOptional && o.success.kind === 'json' && !o.pagination) ?? view.operations.find((o) => o.paramsOptional && o.success.kind === 'json');
  const call = (o: OperationView) => `await ${o.names.fn}(client)`;
  const imports = (extra: string[]) => `import { ${['createClient', ...(op ? [op.names.fn] : [])].join(', ')} } from '${pkg}';\nimport { ${['validators', ...extra].join(', ')} } from '${sub}';`;
  const body: string[] = [];
  body.push(
    `${markdownCode(sub)} exports a [Zod 4](https://zod.dev) schema for every model (${model ? markdownCode(`${model.name}Schema`) : markdownCode('<Model>Schema')}), the parameters, body and JSON responses of every operation (${markdownCode('<Operation>ParamsSchema')}, ${markdownCode('<Operation>BodySchema')}, ${markdownCode('<Operation>ResponseSchema')}), and ${markdownCode('validators')}: those schemas by operation (${markdownCode('METHOD /path')}), with the runtime's ${markdownCode('ValidationError')} and the ${markdownCode('Validators')} and ${markdownCode('ValidationMode')} types. It imports ${markdownCode(options.mini ? 'zod/mini' : 'zod')}, a peer dependency: install ${markdownCode('zod')} (4.0 or later) to use it. The package's root never imports Zod.`,
    '',
    `Each schema's output type is the model's type (${model ? markdownCode(`z.infer<typeof ${model.name}Schema>`) : 'its inferred type'} and ${model ? markdownCode(model.name) : 'the model'} are assignable to each other)${options.dates === 'Date' ? `, except that ${markdownCode('date-time')} and ${markdownCode('date')} strings become ${markdownCode('Date')} objects (this package is generated with ${markdownCode('dates: "Date"')}): a validated response holds ${markdownCode('Date')}s, and its type says so (see below)` : ''}. Unknown properties are dropped from validated values, as Zod's objects do, unless the spec allows additional properties.`,
    '',
    `Validation is off by default. ${markdownCode('createClient({ validators, validate: { request, response } })')} turns it on for every call, and each call's options can override it (${markdownCode('{ validate: { response: false } }')}). A mode is:`,
    '',
    `- ${markdownCode('"throw"')}: a value that does not match throws a ${markdownCode('ValidationError')} (${markdownCode('name === "ValidationError"')}; the class is exported by ${markdownCode(sub)}) with the ${markdownCode('operation')} (${markdownCode('GET /path')}), the ${markdownCode('target')} (${markdownCode('params')}, ${markdownCode('body')} or ${markdownCode('response')}), the JSON ${markdownCode('path')} of the first issue (${markdownCode('$.data[0].email')}), what was ${markdownCode('expected')}, the value ${markdownCode('received')}, and every ${markdownCode('issues')};`,
    `- ${markdownCode('"warn"')}: the client's ${markdownCode('onValidationError')} gets that error and the call goes on with the value as received;`,
    `- ${markdownCode('false')}: nothing is validated (the default).`,
    '',
    `Requests are validated before they are sent (parameters and body), responses after their body is read (2xx JSON bodies; streams and error bodies are not). A validated response is the schema's output.`,
    '',
    '```ts',
    `${imports(['ValidationError'])}`,
    '',
    `const client = createClient({ validators, validate: { response: 'throw' } });`,
    ...(op
      ? ['try {', `  ${call(op)};`, '} catch (e) {', '  if (e instanceof ValidationError) console.error(e.operation, e.path, e.expected, e.received);', '  else throw e;', '}']
      : []),
    '```',
    '',
    '```ts',
    `${imports([])}`,
    '',
    'const client = createClient({',
    '  validators,',
    `  validate: { request: 'warn', response: 'warn' },`,
    '  onValidationError: (e) => console.warn(`${e.operation}: ${e.target} ${e.path}: ${e.expected}`),',
    '});',
    ...(op ? [`${call(op)}; // resolves even when the response drifted from the spec`] : []),
    '```',
    '',
    '```ts',
    `${imports([])}`,
    '',
    `// validation off for this client (the default), on for one call`,
    `const client = createClient({ validators, validate: { response: false } });`,
    ...(op ? [`await ${op.names.fn}(client, {}, { validate: { response: 'throw' } });`] : []),
    '```',
    '',
    ...(options.dates === 'Date' ? [...datesParagraph(), ''] : []),
    ...sizeParagraph(view, options),
    `${markdownCode('validators')} takes any [Standard Schema](https://standardschema.dev) validator (${markdownCode("'~standard'.validate")}) in the same shape, so schemas of another library work as well.`,
    '',
    `What the schemas check: types, required properties, ${markdownCode('nullable')}, enums (closed ones reject other values), ${markdownCode('const')}, discriminated unions, ${markdownCode('allOf')}, ${markdownCode('additionalProperties')}, tuples, defaults (filled in when a property is missing), ${markdownCode('minLength')}/${markdownCode('maxLength')}, ${markdownCode('minimum')}/${markdownCode('maximum')} (exclusive too), ${markdownCode('multipleOf')}, ${markdownCode('minItems')}/${markdownCode('maxItems')}, ${markdownCode('uniqueItems')}, ${markdownCode('minProperties')}/${markdownCode('maxProperties')}, ${markdownCode('pattern')}, and the formats ${['date-time', 'date', 'email', 'uuid', 'uri', 'ipv4', 'ipv6', 'hostname', 'byte', 'duration'].map(markdownCode).join(', ')}. Any other format is not checked (the value only has to be a string), and a ${markdownCode('pattern')} JavaScript cannot compile with the ${markdownCode('u')} flag, nor without it where that keeps its meaning, is left out. A default that does not fit its schema is left out too.`,
  );
  return { id: 'runtime-validation', heading: 'Runtime validation', body: body.join('\n') };
}

/**
 * Only in a package with schemas annotated for their size (size.ts): which, and what it costs
 * (other packages' READMEs stay as they were).
 */
function sizeParagraph(view: ApiView, options: Required<ZodOptions>): string[] {
  const names = sizeAnnotatedModels(view);
  if (names.length === 0) return [];
  const type = options.mini ? 'z.ZodMiniType' : 'z.ZodType';
  const listed = names.map((n) => markdownCode(`${n}Schema`)).join(', ');
  return [
    `Some schemas of this API are too large for TypeScript to write their inferred types out (TS7056 when the declarations are emitted), so they are declared with the model's type instead (${markdownCode(`${type}<${names[0]}>`)}): ${listed}. They parse and infer the same, but their type is the plain schema type, without the methods of its kind (an object's ${markdownCode('.shape')}, ${markdownCode('.extend')}, ${markdownCode('.pick')}, ${markdownCode('.omit')}; a union's ${markdownCode('.options')}), as for recursive schemas. The rule: a schema whose inferred type would hold more than ${String(ANNOTATE_ABOVE).replace(/\B(?=(\d{3})+$)/g, ',')} nodes, counting the schemas it refers to unless they are annotated themselves.`,
    '',
  ];
}

/**
 * `dates: "Date"`: the result types follow the validators (src/plugins/client/validated.ts):
 * what a call resolves to, on which client.
 */
function datesParagraph(): string[] {
  return [
    `With ${markdownCode('dates: "Date"')} the types follow: ${markdownCode('createClient')} keeps the types of its ${markdownCode('validators')} and ${markdownCode('validate')} options, and a call on a client created with ${markdownCode('validators')} and ${markdownCode("validate: { response: 'throw' }")} resolves to the response schema's output type (its ${markdownCode('date-time')} and ${markdownCode('date')} properties are ${markdownCode('Date')}s); without response validation (no validators, or ${markdownCode('false')}) it resolves to the declared type (${markdownCode('string')}s), and in ${markdownCode('"warn"')} mode to either (${markdownCode('Date | string')}: a valid response is the schema's output, an invalid one the value as received). A call's own ${markdownCode('validate')} option, written in the call, decides over the client's for the type as it does at run time (options passed as a variable typed ${markdownCode('RequestOptions')} leave it to the client's). Paginated operations follow the same rule page by page: each page is validated, so in ${markdownCode('"throw"')} mode the pages and their items (${markdownCode('for await')}) hold ${markdownCode('Date')}s. Streamed events are not validated: they keep their declared types (${markdownCode('string')}s) on any client.`,
  ];
}
