/**
 * Per operation: the schemas of its parameters (by their key in the params object, the body
 * apart), its request body and each declared JSON response, and its entry in `validators`
 * (keyed `METHOD /path`, as the runtime looks it up: templates/runtime/validate.ts).
 *
 * Names: `<Params>Schema` (`ListUsersParamsSchema`), `<Fn>BodySchema`, `<Fn>ResponseSchema` for
 * the one JSON success response (`<Fn>Response<status>Schema` when several statuses declare
 * one). A name a model's schema already has gets `Operation` before its last word
 * (`ListUsersOperationResponseSchema`), then a number. Error responses are in `validators` only.
 */
import type { Schema } from '../../ir/types.js';
import { objectLiteralKey, stringLiteral } from '../../escape/index.js';
import type { OperationView } from '../../view/index.js';
import { isJson } from '../../view/responses.js';
import { zodExpr, type ZodContext } from './schema.js';

export interface OperationSchemas {
  /** `export const` declarations, in order */
  declarations: string[];
  /** the `validators` entry (`"GET /users": { … },`) */
  entry: string;
  /** the declared names, by role (for tests and docs) */
  names: { params?: string; body?: string; responses: Record<string, string> };
}

export function operationSchemas(v: OperationView, ctx: ZodContext, taken: Set<string>): OperationSchemas {
  const declarations: string[] = [];
  const fields: string[] = [];
  const names: OperationSchemas['names'] = { responses: {} };
  const base = v.names.fn.charAt(0).toUpperCase() + v.names.fn.slice(1);
  const declare = (want: string, operationWant: string, expression: string) => {
    // the model's own schema already has the name (a body or response that is that model)
    if (expression === want) return want;
    let name = want;
    if (taken.has(name)) name = operationWant;
    for (let i = 2; taken.has(name); i++) name = `${operationWant.replace(/Schema$/, '')}${i}Schema`;
    taken.add(name);
    declarations.push(`export const ${name} = ${expression};\n`);
    return name;
  };

  if (v.params.length > 0) {
    const props = v.params.map((p) => `  ${propertyLine(p.key, p.param.required, p.param.schema, ctx)}\n`);
    const name = declare(`${v.names.params}Schema`, `${base}OperationParamsSchema`, `z.object({\n${props.join('')}})`);
    names.params = name;
    fields.push(`params: ${name}`);
  }
  if (v.body) {
    const media = [...new Set(v.body.media.map((m) => (m.kind === 'binary' ? uploadExpr(ctx) : zodExpr(m.schema, ctx))))];
    const name = declare(`${base}BodySchema`, `${base}OperationBodySchema`, media.length === 1 ? media[0] : `z.union([${media.join(', ')}])`);
    names.body = name;
    fields.push(`body: ${name}`);
  }
  const ok = v.responses.ok.filter((r) => jsonSchemas(r.contents).length > 0);
  const responses: string[] = [];
  for (const r of v.op.responses) {
    const schemas = jsonSchemas(r.contents);
    if (schemas.length === 0) continue;
    const exprs = [...new Set(schemas.map((s) => zodExpr(s, ctx)))];
    let value = exprs.length === 1 ? exprs[0] : `z.union([${exprs.join(', ')}])`;
    if (ok.includes(r)) {
      const suffix = ok.length === 1 ? '' : r.status;
      value = declare(`${base}Response${suffix}Schema`, `${base}OperationResponse${suffix}Schema`, value);
      names.responses[r.status] = value;
    }
    responses.push(`${stringLiteral(r.status)}: ${value}`);
  }
  if (responses.length > 0) fields.push(`responses: { ${responses.join(', ')} }`);
  const key = stringLiteral(v.op.key);
  const line = `  ${key}: { ${fields.join(', ')} },\n`;
  const entry = line.length <= 101 ? line : `  ${key}: {\n${fields.map((f) => `    ${f},\n`).join('')}  },\n`;
  return { declarations, entry: fields.length > 0 ? entry : '', names };
}

function jsonSchemas(contents: readonly { mediaType: string; schema: Schema }[]): Schema[] {
  return contents.filter((c) => isJson(c.mediaType)).map((c) => c.schema);
}

function uploadExpr(ctx: ZodContext): string {
  ctx.helpers.add('upload');
  return 'upload';
}

function propertyLine(key: string, required: boolean, schema: Schema, ctx: ZodContext): string {
  const value = zodExpr(schema, ctx, '  ');
  return `${objectLiteralKey(key)}: ${required ? value : ctx.dialect.optional(value)},`;
}
