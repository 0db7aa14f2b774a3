/**
 * OpenAPI Object → IR: info, servers, security schemes, named schemas and operations.
 * One pass over the document; `$ref`d schemas are parsed once, when first met.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { ApiIR, NamedSchema, SecurityRequirement, SecurityScheme, Server, Tag } from '../ir/types.js';
import { child, CountingReporter, isObject, sortedKeys, type ParseContext } from './context.js';
import { HTTP_TOKEN, parseOperations, parseSecurity } from './operation.js';
import { parseServers } from './servers.js';
import { schemaRef } from './schema.js';
import { parseWebhooks } from './webhooks.js';

export interface ParseInput {
  document: unknown;
  version: '2.0' | '3.0' | '3.1';
  resolve(ref: string): unknown;
  diagnostics: Diagnostics;
}

export function parseDocument(input: ParseInput): ApiIR {
  const doc = isObject(input.document) ? input.document : {};
  const ctx: ParseContext = {
    resolve: input.resolve,
    diagnostics: new CountingReporter(input.diagnostics),
    version: input.version,
    named: new Map(),
    pending: new Set(),
    reused: { schemas: new Map(), responses: new Map(), parameters: new Map() },
  };
  const components = isObject(doc.components) ? doc.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const name of sortedKeys(schemas)) schemaRef(child('#/components/schemas', name), '#/components/schemas', ctx);

  const operations = parseOperations(doc.paths, ctx);
  checkOperationIds(operations, ctx);
  const webhooks = input.version === '2.0' ? [] : parseWebhooks(doc, ctx, ctx.named);

  const info = isObject(doc.info) ? doc.info : {};
  const named: NamedSchema[] = [...ctx.named.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const securitySchemes = parseSecuritySchemes(components.securitySchemes, ctx);
  const security = Array.isArray(doc.security) ? parseSecurity(doc.security) : [];
  checkSecurityNames(isObject(components.securitySchemes) ? Object.keys(components.securitySchemes) : [], security, operations, ctx);
  return {
    sourceVersion: input.version,
    info: {
      title: typeof info.title === 'string' ? info.title : 'API',
      version: typeof info.version === 'string' ? info.version : String(info.version ?? '0.0.0'),
      ...(typeof info.description === 'string' ? { description: info.description } : {}),
      ...(typeof info.summary === 'string' ? { summary: info.summary } : {}),
    },
    servers: parseServers(doc.servers),
    schemas: named,
    operations,
    securitySchemes,
    security,
    tags: parseTags(doc.tags, operations),
    ...(webhooks.length ? { webhooks } : {}),
  };
}

function checkOperationIds(ops: ApiIR['operations'], ctx: ParseContext): void {
  const seen = new Map<string, string>();
  for (const op of ops) {
    if (!op.operationId) continue;
    const first = seen.get(op.operationId);
    if (first) {
      ctx.diagnostics.error(
        'E_DUPLICATE_OPERATION_ID',
        `operationId '${op.operationId}' is used by both ${first} and ${op.key}; operationIds must be unique`,
        child(op.pointer, 'operationId'),
      );
    } else seen.set(op.operationId, op.key);
  }
}

/**
 * A security requirement naming a scheme that components/securitySchemes does not declare:
 * no credential can be configured for it, so the generated client sends such requests
 * without it. Warned once per scheme name, at its first use.
 */
function checkSecurityNames(schemes: string[], security: SecurityRequirement[], ops: ApiIR['operations'], ctx: ParseContext): void {
  // the names declared, whatever their type (one oagen cannot use has its own warning)
  const declared = new Set(schemes);
  const warned = new Set<string>();
  const check = (requirements: SecurityRequirement[], pointer: string) => {
    for (const req of requirements) {
      for (const name in req) {
        if (declared.has(name) || warned.has(name)) continue;
        warned.add(name);
        ctx.diagnostics.warn('W_SECURITY_UNDECLARED', `security requirement names '${name}', which components/securitySchemes does not declare; requests are sent without it`, pointer);
      }
    }
  };
  check(security, '#/security');
  for (const op of ops) if (op.security) check(op.security, child(op.pointer, 'security'));
}

function parseSecuritySchemes(raw: unknown, ctx: ParseContext): SecurityScheme[] {
  if (!isObject(raw)) return [];
  const out: SecurityScheme[] = [];
  for (const name of sortedKeys(raw)) {
    const pointer = child('#/components/securitySchemes', name);
    let s = raw[name];
    if (isObject(s) && typeof s.$ref === 'string') s = ctx.resolve(s.$ref);
    if (!isObject(s)) continue;
    const description = typeof s.description === 'string' ? { description: s.description } : {};
    switch (s.type) {
      case 'http':
        out.push({ name, type: 'http', scheme: String(s.scheme ?? 'bearer').toLowerCase(), ...(typeof s.bearerFormat === 'string' ? { bearerFormat: s.bearerFormat } : {}), ...description });
        break;
      case 'apiKey': {
        const where = s.in === 'query' || s.in === 'cookie' ? s.in : 'header';
        if (typeof s.name !== 'string') ctx.diagnostics.error('E_SECURITY_INVALID', `apiKey scheme '${name}' needs a 'name'`, pointer);
        else if (where !== 'query' && !HTTP_TOKEN.test(s.name)) {
          ctx.diagnostics.error('E_SECURITY_INVALID', `apiKey scheme '${name}': ${JSON.stringify(s.name)} is not a valid ${where} name`, child(pointer, 'name'));
        }
        out.push({ name, type: 'apiKey', in: where, paramName: String(s.name ?? name), ...description });
        break;
      }
      case 'oauth2': {
        const flows: Record<string, { authorizationUrl?: string; tokenUrl?: string; scopes: Record<string, string> }> = {};
        if (isObject(s.flows)) {
          for (const flow of sortedKeys(s.flows)) {
            const f = s.flows[flow];
            if (!isObject(f)) continue;
            flows[flow] = {
              ...(typeof f.authorizationUrl === 'string' ? { authorizationUrl: f.authorizationUrl } : {}),
              ...(typeof f.tokenUrl === 'string' ? { tokenUrl: f.tokenUrl } : {}),
              scopes: isObject(f.scopes) ? Object.fromEntries(sortedKeys(f.scopes).map((k) => [k, String((f.scopes as Record<string, unknown>)[k])])) : {},
            };
          }
        }
        out.push({ name, type: 'oauth2', flows, ...description });
        break;
      }
      case 'openIdConnect':
        out.push({ name, type: 'openIdConnect', url: String(s.openIdConnectUrl ?? ''), ...description });
        break;
      case 'mutualTLS':
        out.push({ name, type: 'mutualTLS', ...description });
        break;
      default:
        ctx.diagnostics.warn('W_SECURITY_UNKNOWN', `security scheme '${name}' has unknown type '${String(s.type)}'; ignored`, pointer);
    }
  }
  return out;
}

function parseTags(raw: unknown, ops: ApiIR['operations']): Tag[] {
  const tags: Tag[] = [];
  const seen = new Set<string>();
  if (Array.isArray(raw)) {
    for (const t of raw) {
      if (!isObject(t) || typeof t.name !== 'string' || seen.has(t.name)) continue;
      seen.add(t.name);
      tags.push({ name: t.name, ...(typeof t.description === 'string' ? { description: t.description } : {}) });
    }
  }
  const extra = new Set<string>();
  for (const op of ops) for (const t of op.tags) if (!seen.has(t)) extra.add(t);
  for (const t of [...extra].sort()) tags.push({ name: t });
  return tags;
}
