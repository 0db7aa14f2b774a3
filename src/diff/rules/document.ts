/**
 * Document-level facts: `info.version` and the servers (matched by URL). The first server
 * is the generated client's default base URL, so a change there is called out.
 */
import type { DiffContext } from '../context.js';
import { definePlainRules } from './registry.js';

export const DOCUMENT_RULES = definePlainRules({
  'api-version-changed': { severity: 'info', doc: 'info.version changed' },
  'server-added': { severity: 'info', doc: 'a server was added' },
  'server-removed': { severity: 'warning', doc: 'a server was removed: clients configured with its URL stop working' },
  'server-default-changed': { severity: 'warning', doc: 'the first server (the generated client\'s default base URL) changed' },
  'server-variable-changed': { severity: 'warning', doc: 'a server variable\'s default or allowed values changed' },
});

export function compareDocument(ctx: DiffContext): void {
  const o = ctx.old.ir;
  const n = ctx.new.ir;
  if (o.info.version !== n.info.version) {
    ctx.plain('api-version-changed', { pointer: '#/info/version', message: `API version ${o.info.version} → ${n.info.version}`, old: o.info.version, new: n.info.version });
  }
  const before = new Map(o.servers.map((s, i) => [s.url, { s, i }]));
  const after = new Map(n.servers.map((s, i) => [s.url, { s, i }]));
  for (const [url, { i }] of before) if (!after.has(url)) ctx.plain('server-removed', { pointer: `#/servers/${i}`, message: `server ${url} removed`, old: url });
  for (const [url, { s, i }] of after) {
    const was = before.get(url);
    if (!was) {
      ctx.plain('server-added', { pointer: `#/servers/${i}`, message: `server ${url} added`, new: url });
      continue;
    }
    const vars = new Set([...Object.keys(was.s.variables ?? {}), ...Object.keys(s.variables ?? {})]);
    for (const v of [...vars].sort()) {
      const a = was.s.variables?.[v];
      const b = s.variables?.[v];
      const same = a && b && a.default === b.default && (a.enum ?? []).join('\u0000') === (b.enum ?? []).join('\u0000');
      if (!same) ctx.plain('server-variable-changed', { pointer: `#/servers/${i}/variables/${v}`, message: `server ${url}: variable {${v}} changed`, ...(a ? { old: a } : {}), ...(b ? { new: b } : {}) });
    }
  }
  const first = (ir: typeof o) => ir.servers[0]?.url ?? '';
  if (first(o) !== first(n)) {
    ctx.plain('server-default-changed', { pointer: '#/servers/0', message: `default server ${first(o) || '(none)'} → ${first(n) || '(none)'}`, old: first(o), new: first(n) });
  }
}
