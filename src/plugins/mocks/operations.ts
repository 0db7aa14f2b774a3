/**
 * What the mock plugins (`mocks`, `msw`, `tests`) need of each operation: the fake schemas of
 * its params object, its success body and one page item, the names of its fake functions, and
 * the TypeScript types those return (printed by the one printer, models as `T.Model`).
 */
import type { Schema } from '../../ir/types.js';
import { resolveRef } from '../../ir/walk.js';
import { printType, type ApiView, type OperationView, type TypePart } from '../../view/index.js';
import { fakeSchema, type FakeSchema } from './schema.js';

export interface FakeOperation {
  view: Readonly<OperationView>;
  /** `fakeListUsersResponse`, when the operation answers JSON or text */
  responseFn?: string;
  /** `fakeListUsersParams`, when it takes parameters or a body */
  paramsFn?: string;
  /** `T.UserListResponse` */
  responseType?: string;
  response?: FakeSchema;
  params?: FakeSchema;
  /** one item of a page (paginated operations) */
  item?: FakeSchema;
}

export function fakeName(name: string): string {
  return `fake${name[0].toUpperCase()}${name.slice(1)}`;
}

/** The fake functions of the models, by model name. */
export function modelFakes(view: ApiView): Map<string, string> {
  return new Map(view.models.map((m) => [m.name, fakeName(m.name)]));
}

export function fakeOperations(view: ApiView): FakeOperation[] {
  const taken = new Set(modelFakes(view).values());
  const unique = (name: string) => {
    let n = name;
    while (taken.has(n)) n = n.replace(/(Response|Params)$/, 'Operation$1');
    taken.add(n);
    return n;
  };
  const names = view.types.names;
  return view.operations.map((v) => {
    const out: FakeOperation = { view: v };
    const kind = v.success.kind;
    if ((kind === 'json' || kind === 'text') && v.success.schemas.length > 0) {
      const schemas = v.success.schemas;
      out.response = schemas.length === 1 ? fakeSchema(schemas[0], names) : { k: 'anyOf', of: schemas.map((s) => fakeSchema(s, names)) };
      out.responseType = kind === 'text' ? 'string' : [...new Set(schemas.map((s) => typeOf(s, view)))].join(' | ');
      out.responseFn = unique(`${fakeName(v.names.fn)}Response`);
    }
    if (v.params.length > 0 || v.body) {
      const props: [string, 0 | 1, FakeSchema][] = v.params.map((p) => [p.key, p.param.required ? 1 : 0, fakeSchema(p.param.schema, names)]);
      if (v.body) props.push([v.body.key, v.body.required ? 1 : 0, bodySchema(v, view)]);
      out.params = { k: 'object', props };
      out.paramsFn = unique(`${fakeName(v.names.fn)}Params`);
    }
    if (v.pagination && v.success.schemas[0]) {
      const item = itemSchema(v.success.schemas[0], v.pagination.info.items, view);
      if (item) out.item = fakeSchema(item, names);
    }
    return out;
  });
}

/** The type of `s` as the mocks module writes it: model names from the package root's namespace `T`. */
export function typeOf(s: Schema, view: ApiView): string {
  return printType(s, view.types)
    .map((p: TypePart) => (typeof p === 'string' ? p : `T.${p.model}`))
    .join('');
}

/** The body's fake schema; where a stream variant exists, the plain function's `stream` flag is false. */
function bodySchema(v: Readonly<OperationView>, view: ApiView): FakeSchema {
  const body = v.body!;
  const schema = fakeSchema(body.schema, view.types.names);
  if (!v.stream?.flag) return schema;
  const resolved = resolveRef(body.schema, view.types.schemas);
  if (resolved.kind !== 'object') return schema;
  const plain = fakeSchema(resolved, view.types.names);
  plain.props = (plain.props as [string, 0 | 1, FakeSchema][]).map(([n, r, s]) => (n === 'stream' ? [n, r, { k: 'lit', v: false }] : [n, r, s]));
  return plain;
}

/** The schema of one item at `path` (`data`, `meta.items`, `` for the body itself) of a page body. */
function itemSchema(body: Schema, path: string, view: ApiView): Schema | undefined {
  let s: Schema | undefined = resolveRef(body, view.types.schemas);
  for (const part of path ? path.split('.') : []) {
    const o: Schema | undefined = s && resolveRef(s, view.types.schemas);
    s = o?.kind === 'object' ? o.properties.find((p) => p.name === part)?.schema : undefined;
  }
  const arr = s && resolveRef(s, view.types.schemas);
  return arr?.kind === 'array' ? arr.items : undefined;
}
