/**
 * Security: the schemes (`components.securitySchemes`, by name) and each operation's
 * effective requirements (its own, or the document's). Requirements are alternatives (OR)
 * of scheme sets (AND); `{}` among them means anonymous access is allowed.
 */
import type { Operation, SecurityRequirement, SecurityScheme } from '../../ir/types.js';
import type { DiffContext } from '../context.js';
import { fnSymbol } from '../symbols.js';
import { definePlainRules } from './registry.js';

export const SECURITY_RULES = definePlainRules({
  'security-scheme-added': { severity: 'info', doc: 'a security scheme was added' },
  'security-scheme-removed': { severity: 'warning', doc: 'a security scheme was removed' },
  'security-scheme-type-changed': { severity: 'breaking', doc: 'a security scheme changed type (apiKey → http, …)' },
  'security-scheme-changed': { severity: 'breaking', doc: 'how a scheme sends credentials changed (apiKey name or location, http scheme)' },
  'security-scheme-url-changed': { severity: 'warning', doc: 'an OAuth2 / OpenID Connect URL changed' },
  'security-scheme-flow-added': { severity: 'info', doc: 'an OAuth2 flow was added' },
  'security-scheme-flow-removed': { severity: 'breaking', doc: 'an OAuth2 flow was removed' },
  'security-scheme-scope-added': { severity: 'info', doc: 'an OAuth2 scope was added to a flow' },
  'security-scheme-scope-removed': { severity: 'warning', doc: 'an OAuth2 scope was removed from a flow' },
  'operation-security-added': { severity: 'breaking', doc: 'an operation that allowed anonymous access now requires credentials' },
  'operation-security-removed': { severity: 'info', doc: 'an operation no longer requires credentials' },
  'operation-security-alternative-added': { severity: 'info', doc: 'an operation accepts another way to authenticate' },
  'operation-security-alternative-removed': { severity: 'breaking', doc: 'an operation no longer accepts a way to authenticate' },
  'operation-security-scope-added': { severity: 'breaking', doc: 'an operation requires another OAuth2 scope' },
  'operation-security-scope-removed': { severity: 'info', doc: 'an operation requires one OAuth2 scope fewer' },
});

export function compareSecuritySchemes(ctx: DiffContext): void {
  const before = new Map(ctx.old.ir.securitySchemes.map((s) => [s.name, s]));
  const after = new Map(ctx.new.ir.securitySchemes.map((s) => [s.name, s]));
  const ptr = (name: string) => `#/components/securitySchemes/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  for (const [name, s] of before) if (!after.has(name)) ctx.plain('security-scheme-removed', { pointer: ptr(name), message: `security scheme '${name}' removed`, old: s.type });
  for (const [name, s] of after) {
    const was = before.get(name);
    if (!was) {
      ctx.plain('security-scheme-added', { pointer: ptr(name), message: `security scheme '${name}' added`, new: s.type });
      continue;
    }
    compareScheme(ctx, was, s, ptr(name));
  }
}

function compareScheme(ctx: DiffContext, o: SecurityScheme, n: SecurityScheme, pointer: string): void {
  const label = `security scheme '${n.name}'`;
  if (o.type !== n.type) {
    ctx.plain('security-scheme-type-changed', { pointer, message: `${label}: type ${o.type} → ${n.type}`, old: o.type, new: n.type });
    return;
  }
  if (o.type === 'apiKey' && n.type === 'apiKey' && (o.in !== n.in || o.paramName !== n.paramName)) {
    ctx.plain('security-scheme-changed', { pointer, message: `${label}: sent as ${o.in} '${o.paramName}' → ${n.in} '${n.paramName}'`, old: `${o.in}:${o.paramName}`, new: `${n.in}:${n.paramName}` });
  }
  if (o.type === 'http' && n.type === 'http' && o.scheme !== n.scheme) {
    ctx.plain('security-scheme-changed', { pointer, message: `${label}: http scheme ${o.scheme} → ${n.scheme}`, old: o.scheme, new: n.scheme });
  }
  if (o.type === 'openIdConnect' && n.type === 'openIdConnect' && o.url !== n.url) {
    ctx.plain('security-scheme-url-changed', { pointer, message: `${label}: OpenID Connect URL changed`, old: o.url, new: n.url });
  }
  if (o.type === 'oauth2' && n.type === 'oauth2') {
    for (const flow of Object.keys(o.flows)) if (!n.flows[flow]) ctx.plain('security-scheme-flow-removed', { pointer, message: `${label}: flow ${flow} removed`, old: flow });
    for (const [flow, f] of Object.entries(n.flows)) {
      const was = o.flows[flow];
      if (!was) {
        ctx.plain('security-scheme-flow-added', { pointer, message: `${label}: flow ${flow} added`, new: flow });
        continue;
      }
      for (const k of ['authorizationUrl', 'tokenUrl'] as const) {
        if (was[k] !== f[k]) ctx.plain('security-scheme-url-changed', { pointer, message: `${label}: ${flow} ${k} changed`, ...(was[k] ? { old: was[k] } : {}), ...(f[k] ? { new: f[k] } : {}) });
      }
      for (const scope of Object.keys(was.scopes)) if (!(scope in f.scopes)) ctx.plain('security-scheme-scope-removed', { pointer, message: `${label}: ${flow} scope '${scope}' removed`, old: scope });
      for (const scope of Object.keys(f.scopes)) if (!(scope in was.scopes)) ctx.plain('security-scheme-scope-added', { pointer, message: `${label}: ${flow} scope '${scope}' added`, new: scope });
    }
  }
}

/** `A+B` for a requirement (sorted scheme names); '' for `{}` (anonymous). */
const setKey = (req: SecurityRequirement) => Object.keys(req).sort().join('+');

export function compareOperationSecurity(ctx: DiffContext, o: Operation, n: Operation): void {
  const was = o.security ?? ctx.old.ir.security;
  const is = n.security ?? ctx.new.ir.security;
  const pointer = n.security ? `${n.pointer}/security` : '#/security';
  const at = { pointer, operations: [n.key], symbols: [fnSymbol(ctx.new, n)] };
  // inherited requirements are one node (`#/security`): one change for every operation using it
  const who = n.security ? n.key : 'operations using the document security';
  const openBefore = was.length === 0 || was.some((r) => setKey(r) === '');
  const openAfter = is.length === 0 || is.some((r) => setKey(r) === '');
  const show = (reqs: SecurityRequirement[]) => (reqs.length === 0 ? 'none' : reqs.map((r) => setKey(r) || '{}').join(' or '));
  if (openBefore && !openAfter) {
    ctx.plain('operation-security-added', { ...at, message: `${who} now requires credentials: ${show(is)}`, old: show(was), new: show(is) });
    return;
  }
  if (!openBefore && openAfter) {
    ctx.plain('operation-security-removed', { ...at, message: `${who} no longer requires credentials`, old: show(was), new: show(is) });
    return;
  }
  const before = new Map(was.filter((r) => setKey(r) !== '').map((r) => [setKey(r), r]));
  const after = new Map(is.filter((r) => setKey(r) !== '').map((r) => [setKey(r), r]));
  for (const [k] of before) {
    if (!after.has(k)) ctx.plain(openAfter ? 'operation-security-removed' : 'operation-security-alternative-removed', { ...at, message: `${who} no longer accepts ${k}`, old: k });
  }
  for (const [k, req] of after) {
    const prev = before.get(k);
    if (!prev) {
      ctx.plain('operation-security-alternative-added', { ...at, message: `${who} also accepts ${k}`, new: k });
      continue;
    }
    for (const scheme of Object.keys(req)) {
      const a = new Set(prev[scheme] ?? []);
      const b = new Set(req[scheme]);
      for (const s of b) if (!a.has(s)) ctx.plain('operation-security-scope-added', { ...at, message: `${who}: ${scheme} now needs scope '${s}'`, new: s });
      for (const s of a) if (!b.has(s)) ctx.plain('operation-security-scope-removed', { ...at, message: `${who}: ${scheme} no longer needs scope '${s}'`, old: s });
    }
  }
}
