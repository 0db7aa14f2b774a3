/**
 * One method's signature and its call of the operation function: path parameters positional
 * in path order, then one params object, then the per-call options.
 *
 * The params object holds the query, header and cookie parameters under their keys (as the
 * function's `<Fn>Params` names them) and the body's fields flattened beside them, when the
 * body can be flattened. Clash rule (README "Resource-style client"): the body stays under
 * its key (`body`) when
 * - a body field has the name of another parameter's key (`limit` in both the query and the body),
 * - the body is not one object with named fields (an array, a union, binary, a string, an
 *   object with `additionalProperties`, several media types), or
 * - the body is optional but has required fields (flattened, they would become required).
 * The types are written from the function's own (`Omit<ListUsersParams, "user_id">`,
 * `AddGroupUserParams["body"]`), so a method takes exactly what its function takes.
 */
import type { Schema, SchemaId } from '../../ir/types.js';
import { resolveRef } from '../../ir/walk.js';
import { camelCase } from '../../naming/casing.js';
import { identifier, propertyKey, stringLiteral } from '../../escape/index.js';
import type { OperationView } from '../../view/index.js';

export interface MethodSignature {
  /** the parameter list (`groupId: AddGroupUserParams["group_id"], params: …, options?: RequestOptions`) */
  args: string;
  /** the statements of the method's body */
  body: string[];
  /** the body's fields are flattened into the params object */
  flattened: boolean;
  /** the body stays under this key (no flattening) */
  bodyKey?: string;
  /** positional argument names, in path order */
  positional: { name: string; key: string }[];
  /** the call uses the module's `split` helper */
  split: boolean;
  /** the params object argument exists */
  hasParams: boolean;
  /** the argument types name the params type (positional arguments or a params object) */
  usesParamsType: boolean;
  paramsOptional: boolean;
}

/** Whether, and why not, the body's fields go into the params object. */
export function flattenable(v: OperationView, schemas: ReadonlyMap<SchemaId, Schema>): boolean {
  const body = v.body;
  if (!body || body.media.length !== 1 || !['json', 'form', 'multipart'].includes(body.kind)) return false;
  const s = resolveRef(body.schema, schemas);
  if (s.kind !== 'object' || s.properties.length === 0 || (s.additional && s.additional.kind !== 'never')) return false;
  const others = new Set(v.params.filter((p) => p.param.in !== 'path').map((p) => p.key));
  if (s.properties.some((p) => others.has(p.name))) return false;
  if (!body.required && s.properties.some((p) => p.required)) return false;
  return true;
}

function bodyHasRequired(v: OperationView, schemas: ReadonlyMap<SchemaId, Schema>): boolean {
  const s = resolveRef(v.body!.schema, schemas);
  return s.kind === 'object' && s.properties.some((p) => p.required);
}

/**
 * `fn`: the function called; `paramsType`: the type of its params argument (`AddGroupUserParams`,
 * or an expression for a stream variant).
 */
export function methodSignature(v: OperationView, fn: string, paramsType: string, schemas: ReadonlyMap<SchemaId, Schema>): MethodSignature {
  const path = v.params.filter((p) => p.param.in === 'path').sort((a, b) => v.op.path.indexOf(`{${a.param.name}}`) - v.op.path.indexOf(`{${b.param.name}}`));
  const others = v.params.filter((p) => p.param.in !== 'path');
  // the method's own names: its parameters, its locals, the helper and the function it calls
  const taken = new Set(['params', 'options', 'body', 'named', 'split', fn]);
  const positional = path.map((p) => {
    let name = identifier(camelCase(p.param.name) || 'id', 'id');
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    return { name, key: p.key };
  });
  const idx = (key: string) => `${paramsType}[${stringLiteral(key)}]`;
  const args = positional.map((p) => `${p.name}: ${idx(p.key)}`);
  const flat = flattenable(v, schemas);
  const body = v.body;
  const omit = [...path.map((p) => p.key), ...(flat && body ? [body.key] : [])];
  const rest = omit.length > 0 ? `Omit<${paramsType}, ${omit.map(stringLiteral).join(' | ')}>` : paramsType;
  const paramsOptional = !others.some((p) => p.param.required) && (flat ? !(body!.required && bodyHasRequired(v, schemas)) : !(body && body.required));
  const hasParams = others.length > 0 || !!body;
  const pathPairs = positional.map((p) => `${propertyKey(p.key)}: ${p.name}`);
  const statements: string[] = [];
  if (!hasParams) {
    statements.push(`return ${fn}(this.#client, ${pathPairs.length > 0 ? `{ ${pathPairs.join(', ')} }` : 'undefined'}, options);`);
  } else if (!flat) {
    args.push(`params${paramsOptional ? '?' : ''}: ${rest}`);
    statements.push(`return ${fn}(this.#client, ${pathPairs.length > 0 ? `{ ...params, ${pathPairs.join(', ')} }` : 'params'}, options);`);
  } else {
    const bodyType = body!.required ? idx(body!.key) : `NonNullable<${idx(body!.key)}>`;
    const objectType = others.length > 0 ? `${rest} & ${bodyType}` : bodyType;
    args.push(`params: ${objectType}${paramsOptional ? ' = {}' : ''}`);
    // `split` (src/sdk.ts) sorts the object's own keys: the other parameters, and the body's fields
    const pieces = [...pathPairs];
    if (others.length > 0) {
      statements.push(`const [named, body] = split(params, [${others.map((p) => stringLiteral(p.key)).join(', ')}] as const);`);
      pieces.unshift('...named');
    } else statements.push('const body = params;');
    pieces.push(body!.required ? `${propertyKey(body!.key)}: body` : `...(Object.keys(body).length > 0 ? { ${propertyKey(body!.key)}: body } : {})`);
    statements.push(`return ${fn}(this.#client, { ${pieces.join(', ')} }, options);`);
  }
  args.push('options?: RequestOptions');
  return {
    args: args.join(', '),
    body: statements,
    flattened: flat,
    ...(body && !flat ? { bodyKey: body.key } : {}),
    positional,
    split: flat && others.length > 0,
    hasParams,
    usesParamsType: positional.length > 0 || hasParams,
    paramsOptional,
  };
}
