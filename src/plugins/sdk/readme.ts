/**
 * The README section of the `sdk` plugin: the class beside the functions, the same calls in
 * both styles, the naming and flattening rules, `withOptions`. Every ```ts block is a whole
 * program the docs tests type-check against the package (test/plugins/docs/).
 */
import { isIdentifierName, markdownCode } from '../../escape/index.js';
import { camelCase } from '../../naming/casing.js';
import { isReserved } from '../../naming/reserved.js';
import type { ApiView } from '../../view/index.js';
import type { ReadmeSection } from '../types.js';
import { chosenSchemes, clientFacts, clientLine, credentialExample, type ClientFacts } from '../docs/client.js';
import { exampleValue, printExample, type Example } from '../docs/examples.js';
import type { SdkMethod, SdkModel } from './model.js';

/** The example calls: one of each kind the package has. */
interface Call {
  method: SdkMethod;
  /** `openai.groups.users` */
  target: string;
  args: string[];
  /** the function's params argument for the same call */
  fnParams: string | undefined;
}

function facts(view: ApiView): ClientFacts {
  return clientFacts(view.ir, view.packageName, view.operations.map((o) => o.security), view.options.env ?? {});
}

/** `openai-admin` → `openaiAdmin`: the variable the examples hold the client in. */
function instanceName(view: ApiView): string {
  const n = camelCase(view.packageName.replace(/^@[^/]+\//, ''));
  return !isIdentifierName(n) || isReserved(n) || /^(client|options|params|page|patient)$/.test(n) ? 'api' : n;
}

/** `new X({ auth: … })`, as `createClient(…)` is written in the README's other examples. */
function constructorLine(view: ApiView, f: ClientFacts, model: SdkModel, name: string): string {
  const schemes = view.operations.map((o) => chosenSchemes(o.security, f)).find((s) => s.length > 0) ?? [];
  const line = clientLine(f, schemes, [], (n) => credentialExample(f, n));
  return line.replace(/^const client = createClient\(/, `const ${name} = new ${model.className}(`);
}

function valueOf(s: Parameters<typeof exampleValue>[0], view: ApiView, hint: string): Example | undefined {
  return exampleValue(s, view.types, hint, 'request');
}

/** The arguments of a call of `m` with its required values (and the body's example fields). */
function callOf(view: ApiView, model: SdkModel, m: SdkMethod, target: string): Call | undefined {
  const v = m.view;
  const args: string[] = [];
  const fnEntries: [string, Example][] = [];
  for (const p of m.signature.positional) {
    const param = v.params.find((x) => x.key === p.key)!;
    const e = valueOf(param.param.schema, view, param.param.name);
    if (!e) return undefined;
    args.push(printExample(e));
    fnEntries.push([p.key, e]);
  }
  const objectEntries: [string, Example][] = [];
  for (const p of v.params) {
    if (p.param.in === 'path' || !p.param.required) continue;
    const e = valueOf(p.param.schema, view, p.param.name);
    if (!e) return undefined;
    objectEntries.push([p.key, e]);
    fnEntries.push([p.key, e]);
  }
  if (v.body && (v.body.required || m.signature.flattened)) {
    const e = valueOf(v.body.schema, view, 'body');
    if (!e) return undefined;
    if (m.signature.flattened) {
      if (e.kind !== 'object') return undefined;
      objectEntries.push(...e.entries);
    } else objectEntries.push([v.body.key, e]);
    fnEntries.push([v.body.key, e]);
  }
  if (objectEntries.length > 0) args.push(printExample({ kind: 'object', entries: objectEntries }, '', 80, 20));
  return { method: m, target, args, fnParams: fnEntries.length > 0 ? printExample({ kind: 'object', entries: fnEntries }, '', 80, 30) : undefined };
}

/** Up to three example calls: a list, a call with positional path parameters, one with a flattened body. */
function exampleCalls(view: ApiView, model: SdkModel): Call[] {
  const name = instanceName(view);
  // the examples come from the largest resources first (`projects`, `users`), in the spec's order within them
  const size = new Map<string, number>();
  for (const n of model.namespaces) size.set(n.path[0] ?? '', (size.get(n.path[0] ?? '') ?? 0) + n.methods.length);
  const all = model.namespaces
    .flatMap((n) => n.methods.filter((m) => !m.stream && !m.view.op.deprecated).map((m) => ({ m, target: [name, ...n.path].join('.'), size: size.get(n.path[0] ?? '') ?? 0 })))
    .sort((a, b) => b.size - a.size);
  const picks: Call[] = [];
  const pick = (test: (m: SdkMethod) => boolean) => {
    for (const { m, target } of all) {
      if (!test(m) || picks.some((c) => c.method === m)) continue;
      const call = callOf(view, model, m, target);
      if (call) {
        picks.push(call);
        return;
      }
    }
  };
  pick((m) => !!m.view.pagination && m.signature.positional.length === 0);
  pick((m) => m.signature.positional.length > 0 && m.signature.flattened);
  pick((m) => m.signature.positional.length === 0 && m.signature.flattened);
  if (picks.length === 0) pick(() => true);
  return picks;
}

/** The lines of the class's JSDoc example (src/sdk.ts). */
export function classExample(view: ApiView, model: SdkModel): string[] {
  const name = instanceName(view);
  const f = facts(view);
  const calls = exampleCalls(view, model).slice(0, 1);
  return [
    `import { ${model.className} } from '${view.packageName}/sdk';`,
    '',
    ...constructorLine(view, f, model, name).split('\n'),
    ...calls.flatMap((c) => `const result = await ${c.target}.${c.method.name}(${c.args.join(', ')});`.split('\n')),
  ];
}

export function sdkReadme(view: ApiView, model: SdkModel): ReadmeSection {
  const name = instanceName(view);
  const f = facts(view);
  const calls = exampleCalls(view, model);
  const pkg = view.packageName;
  const out: string[] = [];
  out.push(
    `${markdownCode(model.className)}, exported from ${markdownCode(`${pkg}/sdk`)}, is a resource-style client beside the functions ` +
      `(which stay, and stay tree-shakable). It takes the options of ${markdownCode('createClient')}, groups the ` +
      `operations by resource, and each method is a thin call of the same operation function: retries, pagination, streams ` +
      `and errors are the function's.`,
    '',
  );
  const clientSchemes = view.operations.map((o) => chosenSchemes(o.security, f)).find((s) => s.length > 0) ?? [];
  const body: string[] = [`import { ${model.className} } from '${pkg}/sdk';`, '', constructorLine(view, f, model, name), ''];
  const fnBody: string[] = [];
  const fns = new Set<string>(['createClient']);
  calls.forEach((c, i) => {
    body.push(`const r${i} = await ${c.target}.${c.method.name}(${c.args.join(', ')});`);
    fns.add(c.method.fn);
    fnBody.push(`const r${i} = await ${c.method.fn}(client${c.fnParams ? `, ${c.fnParams}` : ''});`);
  });
  out.push('```ts', ...body, '```', '', 'The same calls with the functions:', '', '```ts');
  out.push(`import { ${[...fns].sort().join(', ')} } from '${pkg}';`, '', clientLine(f, clientSchemes), '', ...fnBody, '```', '');
  out.push(
    '- **Namespaces** follow the paths: the static path segments after the prefix every operation shares, parameters skipped ' +
      `(${markdownCode('/organization/groups/{group_id}/users')} → ${markdownCode('groups.users')}); a last segment that is the operation's verb ` +
      `(${markdownCode('POST …/certificates/activate')}) is a method. With the plugin option ${markdownCode('"namespaces": "tags"')}, one namespace per tag.`,
    `- **Methods** are named by the function name less the namespace's words: ${markdownCode('list')}, ${markdownCode('retrieve')}, ` +
      `${markdownCode('create')}, ${markdownCode('update')}, ${markdownCode('delete')} where the HTTP method and path say so and the function's verb ` +
      `agrees (${markdownCode('get…')} → ${markdownCode('retrieve')}, ${markdownCode('modify…')} → ${markdownCode('update')}), another verb kept ` +
      `(${markdownCode('add')}, ${markdownCode('remove')}, ${markdownCode('archive')}). Methods of one namespace that would share a name are named by their full function name.`,
    `- **Arguments**: path parameters first, positional, in path order; then one object with the query, header and cookie parameters ` +
      `and the body's fields; then the per-call options (${markdownCode('{ signal, timeout, maxRetries, headers, … }')}).`,
    `- **Clash rule**: the body's fields are flattened into that object unless a field has the name of another parameter, the body is not ` +
      `one object with named fields (an array, a union, a file, a map), or it is optional with required fields: then it stays under ${markdownCode('body')}, as in the function's params.`,
    `- ${markdownCode(`${name}.client`)} is the ${markdownCode('Client')} the methods use: pass it to the functions. ` +
      `${markdownCode(`${name}.withOptions({ … })`)} returns a client with other options (headers and credentials merged key by key).`,
    '',
  );
  const wo = [`import { ${model.className} } from '${pkg}/sdk';`, '', constructorLine(view, f, model, name), `const patient = ${name}.withOptions({ timeout: 120_000, maxRetries: 5 });`];
  const first = calls.find((c) => c.method.signature.positional.length === 0 && !c.method.signature.hasParams) ?? calls[0];
  if (first) wo.push(`await ${first.target.replace(new RegExp(`^${name}`), 'patient')}.${first.method.name}(${first.args.join(', ')});`);
  out.push('```ts', ...wo, '```');
  return { id: 'resource-style-client', heading: 'Resource-style client', body: out.join('\n') };
}
