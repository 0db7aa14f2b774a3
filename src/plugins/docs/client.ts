/**
 * What every example in the docs starts with: the import line and `createClient(…)` with the
 * credentials an operation needs, read from environment variables named after the package
 * and the scheme type (`OPENAI_ADMIN_API_KEY`, `ARTHUR_ACCESS_TOKEN`).
 */
import type { ApiIR, SecurityRequirement, SecurityScheme } from '../../ir/types.js';
import { camelCase, words } from '../../naming/casing.js';
import { identifier, stringLiteral } from '../../escape/index.js';
import { memo } from '../../util/memo.js';
import { printExample, type Example } from './examples.js';

export interface ClientFacts {
  packageName: string;
  /** the package name as a string literal, for import lines */
  from: string;
  /** the client's default base URL ('' when the spec has no server) */
  baseUrl: string;
  /** schemes `createClient({ auth })` takes, by name (mutualTLS is not one of them) */
  schemes: Map<string, SecurityScheme>;
  /** the schemes some operation can use (all of them when none says): the README documents these */
  used: string[];
  /** environment variable for each scheme (basic: two, `_USERNAME` / `_PASSWORD`) */
  env: Map<string, string>;
  /** the variables `createClient()` itself reads (config `env`): scheme name or `baseUrl` → variable */
  clientEnv: ReadonlyMap<string, string>;
}

export function clientFacts(ir: ApiIR, packageName: string, security: SecurityRequirement[][], configEnv: Readonly<Record<string, string>> = {}): ClientFacts {
  const server = ir.servers[0];
  let baseUrl = server?.url ?? '';
  for (const [k, v] of Object.entries(server?.variables ?? {})) baseUrl = baseUrl.split(`{${k}}`).join(v.default);
  baseUrl = baseUrl.replace(/\/+$/, '');
  const schemes = new Map(ir.securitySchemes.filter((s) => s.type !== 'mutualTLS').map((s) => [s.name, s]));
  const prefix =
    packageName
      .replace(/^@[^/]+\//, '')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase() || 'API';
  const usedSet = new Set(security.flatMap((alternatives) => alternatives.flatMap((req) => Object.keys(req))).filter((n) => schemes.has(n)));
  const used = usedSet.size > 0 ? [...schemes.keys()].filter((n) => usedSet.has(n)) : [...schemes.keys()];
  // Named by scheme type (`ARTHUR_ACCESS_TOKEN`); schemes that would share a name are named after
  // themselves (`OPENAI_ADMIN_API_KEY` for AdminApiKeyAuth, `OPENAI_API_KEY` for ApiKeyAuth).
  // The schemes operations use are named first, so they get the plainest names.
  const order = [...used, ...[...schemes.keys()].filter((n) => !used.includes(n))].map((n) => schemes.get(n)!);
  const byType = new Map<string, number>();
  for (const s of order.slice(0, used.length)) byType.set(envSuffix(s), (byType.get(envSuffix(s)) ?? 0) + 1);
  const env = new Map<string, string>();
  const taken = new Set<string>();
  // the variables the config names come first: the examples read what the client reads
  const clientEnv = new Map(Object.entries(configEnv).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const s of order) {
    const own = clientEnv.get(s.name);
    if (own !== undefined && !isBasic(s)) {
      env.set(s.name, own);
      taken.add(own);
    }
  }
  for (const s of order) {
    if (env.has(s.name)) continue;
    const typed = `${prefix}_${envSuffix(s)}`;
    const candidates = byType.get(envSuffix(s)) === 1 ? [typed] : [`${prefix}_${ownSuffix(prefix, s, true)}`, `${prefix}_${ownSuffix(prefix, s, false)}`];
    let name = candidates.find((c) => !taken.has(c)) ?? typed;
    for (let i = 2; taken.has(name); i++) name = `${typed}_${i}`;
    taken.add(name);
    env.set(s.name, name);
  }
  return { packageName, from: stringLiteral(packageName), baseUrl, schemes, used, env, clientEnv };
}

/** `AdminApiKeyAuth` → `ADMIN_API_KEY` (with `trim`, without the words the prefix already ends with). */
function ownSuffix(prefix: string, s: SecurityScheme, trim: boolean): string {
  const ws = words(s.name).map((w) => w.toUpperCase().replace(/[^A-Z0-9]/g, '')).filter(Boolean);
  while (ws.length > 1 && /^(AUTH|AUTHENTICATION|SCHEME|SECURITY)$/.test(ws[ws.length - 1])) ws.pop();
  if (!/^(KEY|TOKEN|SECRET)$/.test(ws[ws.length - 1] ?? '')) ws.push(...envSuffix(s).split('_'));
  const pre = prefix.split('_');
  for (let n = trim ? Math.min(pre.length, ws.length - 1) : 0; n > 0; n--) {
    if (pre.slice(-n).join('_') === ws.slice(0, n).join('_')) return ws.slice(n).join('_');
  }
  return ws.join('_');
}
function envSuffix(s: SecurityScheme): string {
  if (s.type === 'apiKey' || /key/i.test(s.name)) return 'API_KEY';
  if (s.type === 'oauth2' || s.type === 'openIdConnect') return 'ACCESS_TOKEN';
  if (s.type === 'http' && s.scheme.toLowerCase() === 'basic') return 'CREDENTIALS';
  return 'TOKEN';
}

export function isBasic(s: SecurityScheme): boolean {
  return s.type === 'http' && s.scheme.toLowerCase() === 'basic';
}

/** `process.env.X!`, or `{ username, password }` for basic auth. */
export function credentialExample(facts: ClientFacts, scheme: string): Example {
  const s = facts.schemes.get(scheme)!;
  const env = facts.env.get(scheme)!;
  if (isBasic(s)) {
    const base = env.replace(/_CREDENTIALS$/, '');
    return {
      kind: 'object',
      entries: [
        ['username', { kind: 'code', code: `process.env.${base}_USERNAME!` }],
        ['password', { kind: 'code', code: `process.env.${base}_PASSWORD!` }],
      ],
    };
  }
  return { kind: 'code', code: `process.env.${env}!` };
}

/** The schemes of the first security alternative the client can satisfy ([] when none is needed). */
export function chosenSchemes(security: SecurityRequirement[], facts: ClientFacts): string[] {
  if (security.length === 0) return [];
  const usable = security.find((req) => Object.keys(req).length > 0 && Object.keys(req).every((n) => facts.schemes.has(n)));
  return usable ? Object.keys(usable) : [];
}

/** `const client = createClient({ … });` for these schemes, plus `baseUrl` when the spec has none. */
export function clientLine(facts: ClientFacts, schemes: string[], extra: [string, Example][] = [], credential?: (scheme: string) => Example): string {
  if (extra.length > 0 || credential) return writeClientLine(facts, schemes, extra, credential);
  // every operation's example has one: remembered by its schemes
  let lines = clientLines.get(facts);
  if (!lines) clientLines.set(facts, (lines = new Map()));
  const key = JSON.stringify(schemes);
  let line = lines.get(key);
  if (line === undefined) lines.set(key, (line = writeClientLine(facts, schemes, extra, credential)));
  return line;
}

const clientLines = new WeakMap<ClientFacts, Map<string, string>>();

function writeClientLine(
  facts: ClientFacts,
  schemes: string[],
  extra: [string, Example][],
  credential: (scheme: string) => Example = (n) => credentialExample(facts, n),
): string {
  const entries: [string, Example][] = [];
  if (!/^https?:\/\//i.test(facts.baseUrl)) entries.push(['baseUrl', { kind: 'code', code: stringLiteral('https://api.example.com' + facts.baseUrl) }]);
  if (schemes.length > 0) entries.push(['auth', { kind: 'object', entries: schemes.map((n) => [n, credential(n)]) }]);
  entries.push(...extra);
  if (entries.length === 0) return 'const client = createClient();';
  return `const client = createClient(${printExample({ kind: 'object', entries }, '', 80, 'const client = createClient('.length + 2)});`;
}

/** `import { a, b, type C } from "pkg";` with the names sorted. */
export function importLine(facts: ClientFacts, values: readonly string[], types: readonly string[] = []): string {
  const names: string[] = [];
  for (const n of values) if (!names.includes(n)) names.push(n);
  const onlyTypes = names.length === 0;
  for (const n of types) if (!names.includes(n)) names.push(n);
  names.sort(compareNames);
  // a type-only name is marked `type`, unless every name is one
  const specs = onlyTypes ? names : names.map((n) => (values.includes(n) ? n : `type ${n}`));
  const keyword = onlyTypes ? 'import type' : 'import';
  const line = `${keyword} { ${specs.join(', ')} } from ${facts.from};`;
  if (line.length <= 80) return line;
  let list = '';
  for (const s of specs) list += `  ${s},\n`;
  return `${keyword} {\n${list}} from ${facts.from};`;
}

/** Names in case-insensitive order, then by code unit: `User` < `user` < `users`. */
export function compareNames(a: string, b: string): number {
  // ASCII is compared a character at a time, lower-cased on the fly (the same order as
  // comparing the lower-cased strings, which sorting made by the hundred thousand)
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x >= 128 || y >= 128) return compareLowered(a, b);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** compareNames of any text (lower-casing may depend on context, and change lengths, outside ASCII). */
function compareLowered(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Names example code declares itself, or uses as globals: a variable never takes them. */
const TAKEN = ['client', 'error', 'process', 'console', 'stream', 'event', 'page'];

/** A readable local variable name from a type name (`UserListResponse` → `userListResponse`). */
export function variableName(typeName: string | undefined, fallback: string, avoid: Iterable<string>): string {
  const avoided = Array.isArray(avoid) ? (avoid as string[]) : [...avoid];
  const taken = (name: string) => TAKEN.includes(name) || avoided.includes(name);
  const base = (typeName && camelName(typeName)) || fallback;
  const id = identifier(base, fallback);
  if (id === base && !taken(id)) return id;
  for (let i = 0, name = fallback; ; i++, name = `${fallback}${i + 1}`) if (!taken(name)) return name;
}

/**
 * A PascalCase name of ASCII letters and digits, no two capitals in a row (`UserList`,
 * `Oauth2Token`): camelCase only lower-cases its first letter.
 */
const SIMPLE_PASCAL = /^[A-Z](?![A-Z])(?:[a-z0-9]|[A-Z](?![A-Z]))*$/;

/** camelCase, remembered: the same model names come back on many pages. */
export function camelName(typeName: string): string {
  if (SIMPLE_PASCAL.test(typeName)) return typeName[0].toLowerCase() + typeName.slice(1);
  return rememberedCamel(typeName);
}

const rememberedCamel = memo(camelCase);
