/**
 * The resource-style client of one package, computed once per view: the class name, its
 * namespaces (src/plugins/sdk/structure.ts) and each method's signature and call
 * (src/plugins/sdk/signature.ts). The file template (templates/sdk/sdk.ts.hbs) and the README
 * section (src/plugins/sdk/readme.ts) both read it.
 */
import { EXIT_USAGE, OagenError } from '../../diagnostics.js';
import { isIdentifierName, jsDocLines } from '../../escape/index.js';
import { pascalCase } from '../../naming/casing.js';
import { isReserved } from '../../naming/reserved.js';
import { RUNTIME_EXPORTS } from '../../naming/runtime-exports.js';
import type { SdkPluginOptions } from '../../config/types.js';
import type { Schema } from '../../ir/types.js';
import { resolveRef } from '../../ir/walk.js';
import type { ApiView, OperationView } from '../../view/index.js';
import { methodSignature, type MethodSignature } from './signature.js';
import { defaultClassName, methodName, planStructure, RESERVED_MEMBERS } from './structure.js';

/** The plugin's options, as the config types them (src/config/types.ts). */
export type SdkOptions = SdkPluginOptions;

export interface SdkMethod {
  name: string;
  fn: string;
  view: OperationView;
  signature: MethodSignature;
  doc: string[];
  stream?: boolean;
}

export interface SdkAlias {
  name: string;
  target: string;
  since: string;
}

export interface SdkNamespace {
  /** `['groups', 'users']`; `[]` for the class itself */
  path: string[];
  /** the class that implements it */
  className: string;
  children: { name: string; className: string }[];
  methods: SdkMethod[];
  aliases: SdkAlias[];
}

export interface SdkModel {
  className: string;
  root: SdkNamespace;
  namespaces: SdkNamespace[];
  /** the functions the methods call, sorted */
  functions: string[];
  /** the params types the methods' signatures use, sorted */
  paramsTypes: string[];
}

const cache = new WeakMap<ApiView, Map<string, SdkModel>>();

export function sdkModel(view: ApiView, options: SdkOptions): SdkModel {
  const key = JSON.stringify([options.className ?? null, options.namespaces ?? null]);
  let byOptions = cache.get(view);
  if (!byOptions) cache.set(view, (byOptions = new Map()));
  let model = byOptions.get(key);
  if (!model) byOptions.set(key, (model = build(view, checkOptions(options))));
  return model;
}

function optionError(message: string): OagenError {
  return new OagenError({ code: 'E_CONFIG', severity: 'error', message: `plugin "sdk": ${message}` }, EXIT_USAGE);
}

function checkOptions(options: SdkOptions): SdkOptions {
  for (const k of Object.keys(options)) if (k !== 'className' && k !== 'namespaces' && k !== 'lead') throw optionError(`unknown option "${k}" (className, namespaces, lead)`);
  if (options.lead !== undefined && typeof options.lead !== 'boolean') throw optionError(`lead must be true or false`);
  if (options.className !== undefined && (typeof options.className !== 'string' || !isIdentifierName(options.className) || isReserved(options.className))) {
    throw optionError(`className must be a TypeScript identifier, got ${JSON.stringify(options.className)}`);
  }
  if (options.namespaces !== undefined && options.namespaces !== 'paths' && options.namespaces !== 'tags') throw optionError(`namespaces must be "paths" or "tags", got ${JSON.stringify(options.namespaces)}`);
  return options;
}

function build(view: ApiView, options: SdkOptions): SdkModel {
  const className = options.className ?? defaultClassName(view.packageName);
  const exported = new Set<string>([...RUNTIME_EXPORTS, ...view.types.names.values(), ...[...view.names.operation.values()].flatMap((n) => [n.fn, n.params, n.error, ...(n.stream ? [n.stream] : [])])]);
  if (exported.has(className)) throw optionError(`className "${className}" is also an export of the package; choose another with { "className": … }`);
  const facts = view.operations.map((v) => ({ op: v.op, fn: v.names.fn, listLike: !!v.pagination || (v.success.kind === 'json' && v.success.schemas.some((s) => resolvesToArray(s, view))) }));
  const plans = planStructure(facts, options.namespaces ?? 'paths');
  const byKey = new Map(view.operations.map((v) => [v.op.key, v]));
  const classNames = new Map<string, string>();
  const usedClassNames = new Set<string>([className, ...exported]);
  for (const p of plans) {
    let name = p.path.length === 0 ? className : `${className}${p.path.map((s) => pascalCase(s)).join('')}`;
    for (let i = 2; p.path.length > 0 && usedClassNames.has(name); i++) name = `${className}${p.path.map((s) => pascalCase(s)).join('')}${i}`;
    usedClassNames.add(name);
    classNames.set(p.path.join('.'), name);
  }
  const functions = new Set<string>();
  const paramsTypes = new Set<string>();
  const renamed = new Map<string, { name: string; since: string }[]>();
  for (const a of view.options.aliases ?? []) if (a.role === 'function') renamed.set(a.of, [...(renamed.get(a.of) ?? []), { name: a.name, since: a.since }]);
  const namespaces = plans.map((p): SdkNamespace => {
    const taken = new Set<string>([...p.children, ...p.methods.map((m) => m.method), ...RESERVED_MEMBERS]);
    const methods: SdkMethod[] = [];
    const aliases: SdkAlias[] = [];
    for (const m of p.methods) {
      const v = byKey.get(m.facts.op.key)!;
      functions.add(v.names.fn);
      const signature = methodSignature(v, v.names.fn, v.names.params, view.types.schemas);
      // a method without arguments does not name its params type: no unused import
      if (signature.usesParamsType) paramsTypes.add(v.names.params);
      methods.push({ name: m.method, fn: v.names.fn, view: v, signature, doc: methodDoc(v, v.names.fn) });
      if (v.names.stream) {
        let name = `${m.method}Stream`;
        if (taken.has(name)) name = v.names.stream;
        taken.add(name);
        functions.add(v.names.stream);
        const type = `NonNullable<Parameters<typeof ${v.names.stream}>[1]>`;
        methods.push({ name, fn: v.names.stream, view: v, signature: methodSignature(v, v.names.stream, type, view.types.schemas), doc: methodDoc(v, v.names.stream), stream: true });
      }
      // a renamed function's old method name stays, deprecated, as its function's does
      for (const old of renamed.get(m.facts.op.key) ?? []) {
        const was = methodName({ ...m.facts, fn: old.name }, m.nsWords, m.action);
        if (was === m.method || taken.has(was) || !isIdentifierName(was)) continue;
        taken.add(was);
        aliases.push({ name: was, target: m.method, since: old.since });
      }
    }
    return {
      path: p.path,
      className: classNames.get(p.path.join('.'))!,
      children: p.children.map((c) => ({ name: c, className: classNames.get([...p.path, c].join('.'))! })),
      methods,
      aliases: aliases.sort((a, b) => (a.name < b.name ? -1 : 1)),
    };
  });
  return {
    className,
    root: namespaces.find((n) => n.path.length === 0)!,
    namespaces,
    functions: [...functions].sort(),
    paramsTypes: [...paramsTypes].sort(),
  };
}

function resolvesToArray(s: Schema, view: ApiView): boolean {
  return resolveRef(s, view.types.schemas).kind === 'array';
}

function methodDoc(v: OperationView, fn: string): string[] {
  const summary = v.op.summary ?? v.op.description?.split(/\n\s*\n/)[0];
  const lines = [...(summary ? jsDocLines(summary) : []), ...(summary ? [''] : []), ...jsDocLines(`\`${v.op.method.toUpperCase()} ${v.op.path}\`: calls {@link ${fn}}.`)];
  if (v.op.deprecated) lines.push('@deprecated');
  return lines;
}
