/**
 * The generated package's README: install, configure, authenticate, one example per API
 * group, errors, pagination, retries and timeouts, raw responses, streaming, and the lists
 * of API and model docs. templates/package/README.md.hbs holds the layout; every block of
 * text and code is computed here. Every ```ts block is a whole program that type-checks
 * against the package (test/plugins/docs/).
 */
import type { ApiIR, SecurityScheme } from '../../ir/types.js';
import type { GroupNames } from '../../naming/names.js';
import { markdownCell as cell, markdownCodeBlock as codeBlock, markdownCode, markdownTableCell, markdownText, stringLiteral } from '../../escape/index.js';
import { anchorLink, anchorTarget } from './anchors.js';
import { chosenSchemes, clientLine, credentialExample, importLine, isBasic, type ClientFacts } from './client.js';
import { apiHref, ids, modelHref, operationLink, readmeLink, type DocsContext } from './context.js';
import { printExample, type Example } from './examples.js';
import { codeLink, firstLine, table } from './markdown.js';
import { callExpression, httpLine, operationExample, schemeKind } from './operation.js';
import { clientCredentialsFlow, EXPIRY_MARGIN_S } from '../client/oauth.js';
import { webhooksReadme } from './webhooks.js';
import type { WebhookEventView } from '../../view/webhooks.js';
import type { OperationView } from '../../view/operations.js';
import type { ReadmeSection } from '../types.js';

/** A renamed export kept under its old name (the name lock, issue 8). */
export interface DeprecatedAlias {
  /** the old, deprecated name */
  name: string;
  /** the current name it aliases */
  target: string;
  kind: 'type' | 'function';
  /** the package version that renamed it */
  since?: string;
}

export interface ReadmeInput {
  ir: ApiIR;
  packageName: string;
  version: string;
  groups: { names: GroupNames; views: OperationView[] }[];
  models: string[];
  aliases: DeprecatedAlias[];
  webhooks: readonly WebhookEventView[];
  /** sections contributed by the selected plugins (`Plugin.readme`) */
  sections: readonly ReadmeSection[];
}

interface Section {
  heading: string;
  body: string;
}

const HERE = '' as const;

export function readmeView(input: ReadmeInput, dc: DocsContext) {
  const { ir, packageName } = input;
  const facts = dc.facts;
  const all = input.groups.flatMap((g) => g.views);
  const showcase = (views: OperationView[]) =>
    views.find((v) => v.pagination && !v.op.deprecated) ??
    views.find((v) => v.op.method === 'GET' && !v.op.deprecated && v.success.kind === 'json') ??
    views.find((v) => !v.op.deprecated) ??
    views[0];
  const first = all.length > 0 ? showcase(input.groups[0]?.views ?? all) : undefined;
  const t = (section: string) => anchorTarget(ids.readme(section));

  return {
    title: packageName,
    titleTarget: t('top'),
    description: readmeDescription(ir, input.version),
    packageName,
    t: {
      installation: t('installation'),
      quickStart: t('quick-start'),
      configuration: t('configuration'),
      authentication: t('authentication'),
      usage: t('usage'),
      errors: t('errors'),
      pagination: t('pagination'),
      retries: t('retries'),
      callOptions: t('call-options'),
      uploads: t('uploads'),
      rawResponses: t('raw-responses'),
      streaming: t('streaming'),
      webhooks: t('webhooks'),
      aliases: t('aliases'),
      apiReference: t('api-reference'),
      models: t('models'),
      exports: t('exports'),
    },
    quickStart: quickStart(first, dc),
    configuration: configuration(facts, all),
    authentication: authIntro(facts),
    schemes: facts.used.map((n) => facts.schemes.get(n)!).map((s) => ({ heading: markdownText(s.name).replace(/\n+/g, ' ') + anchorTarget(ids.scheme(s.name)), body: schemeBody(s, dc) })),
    usage: input.groups.map((g): Section => usage(g.names, g.views, showcase(g.views), dc)),
    errors: errorsSection(first, dc),
    pagination: dc.readme.pagination ? paginationSection(all, dc) : '',
    retries: retriesSection(all, first, dc),
    callOptions: callOptionsSection(all, first, dc),
    uploads: uploadsSection(all, dc),
    rawResponses: rawSection(first, dc),
    streaming: dc.readme.streaming ? streamingSection(all, dc) : '',
    webhooks: input.webhooks.length ? webhooksReadme(packageName, input.webhooks) : '',
    plugins: input.sections.filter((s) => !s.lead).map((s) => ({ heading: markdownText(s.heading).replace(/\n+/g, ' ') + t(s.id), body: s.body })),
    leadPlugins: input.sections.filter((s) => s.lead).map((s) => ({ heading: markdownText(s.heading).replace(/\n+/g, ' ') + t(s.id), body: s.body })),
    aliases: input.aliases.map((a) => ({ name: cell(markdownCode(a.name)), kind: a.kind, target: cell(markdownCode(a.target)), since: a.since ? cell(markdownCode(a.since)) : ' ' })),
    apiReference: apiReference(input.groups),
    models: input.models.map((m) => ({ name: m, href: modelHref(HERE, m) })),
    exports: exportsSection(packageName),
    footer: `Generated by oagen from ${markdownCode(`${ir.info.title} ${ir.info.version}`)}. Do not edit: regenerate instead.`,
  };
}

/** What the package's root exports, and what its `internal` subpath is. */
function exportsSection(packageName: string): string {
  const internal = markdownCode(`${packageName}/internal`);
  return [
    `The package's root, ${markdownCode(packageName)}, exports ${markdownCode('createClient')}, one function per operation, the model types, the errors and the types of the options and results. In the sources, each API group's models are in ${markdownCode('src/models/<group>.ts')} and the models several groups use in ${markdownCode('src/models/shared.ts')}.`,
    `${internal} exports the runtime the operation functions are built on (${markdownCode('request')}, ${markdownCode('paginate')}, ${markdownCode('serializeParam')}, the operation specs' types, …). It is not a public API: it may change in any release, without a major version.`,
  ].join('\n\n');
}

function readmeDescription(ir: ApiIR, version: string): string {
  const intro = `TypeScript client for ${markdownText(ir.info.title)} (API version ${markdownCode(ir.info.version)}), package version ${markdownCode(version)}: one tree-shakable function per operation, typed models, typed errors, pagination, retries and timeouts, and no runtime dependencies. It runs wherever ${markdownCode('fetch')} does: Node.js 18+, browsers, Deno, Bun.`;
  const text = (ir.info.description ?? ir.info.summary ?? '').trim();
  return text ? `${markdownText(text)}\n\n${intro}` : intro;
}

function quickStart(view: OperationView | undefined, dc: DocsContext): string {
  if (!view) return `${codeBlock('ts', `import { createClient } from ${stringLiteral(dc.packageName)};\n\n${clientLine(dc.facts, [])}`)}`;
  const code = operationExample(view, dc, false);
  const intro = `Create a client once, then pass it to the operation functions; each one is a separate export, so bundlers keep only what you call.`;
  return code ? `${intro}\n\n${codeBlock('ts', code)}` : intro;
}

const OPTIONS: [string, string, string, string][] = [
  ['baseUrl', 'string', '', 'Base URL of the API, without a trailing slash.'],
  ['auth', '', '—', 'Credentials, keyed by security scheme name: see [Authentication](#authentication).'],
  ['fetch', 'typeof fetch', 'the global `fetch`', 'A custom `fetch`: proxies, instrumentation, tests, runtimes without a global `fetch`.'],
  ['headers', 'Record<string, string>', '`{}`', 'Headers sent with every request (a `User-Agent` here replaces the package\'s own, sent where the platform allows it).'],
  ['servers', 'Record<string, string>', '—', "Spec server URL → base URL to use instead, for operations that declare their own server (a proxy, an enterprise host, a test server)."],
  ['maxRetries', 'number', '`2`', 'Retries after the first attempt: see [Retries and timeouts](#retries).'],
  ['timeout', 'number', '`600000` (10 minutes)', 'Milliseconds allowed per attempt; `0` disables the timeout.'],
  ['backoff', '{ initialDelay?: number; maxDelay?: number }', '`500`, `8000`', 'Delay before retry *n*: `initialDelay × 2^n` ms (±25 % jitter), at most `maxDelay`; a `Retry-After` header wins.'],
  ['idempotencyHeader', 'string', '—', 'When set, POST and PATCH requests carry a generated key in this header and become retryable.'],
  ['onRequest', '(request: Request) => Request | void | Promise<Request | void>', '—', 'Called before every attempt; may return a replacement request (logging, tracing, signing).'],
  ['onResponse', '(response: Response, request: Request) => void | Promise<void>', '—', 'Called with every response, including error responses that will be retried.'],
];

function configuration(facts: ClientFacts, all: OperationView[]): string {
  // The same per-scheme credential types as the generated `AuthCredentials` (src/client.ts).
  const authType = `{ ${[...facts.schemes.values()]
    .filter((s) => s.type !== 'mutualTLS')
    .map((s) => `${printKey(s.name)}?: ${s.type === 'http' && s.scheme === 'basic' ? 'BasicCredential' : 'Credential'}`)
    .join('; ')} }`;
  // an API without security schemes takes no credentials: no `auth` row
  // `servers` only matters where an operation declares its own server
  const ownServers = [...new Set(all.flatMap((v) => (v.server !== undefined ? [v.server] : [])))].sort();
  const options = OPTIONS.filter(([name]) => (name !== 'auth' || facts.schemes.size > 0) && (name !== 'servers' || ownServers.length > 0));
  const rows = options.map(([name, type, def, text]) => {
    const t = name === 'auth' ? authType : type;
    const d = name === 'baseUrl' ? (facts.baseUrl ? markdownCode(stringLiteral(facts.baseUrl)) : 'none: the spec declares no server') : def;
    const desc = name === 'auth' ? text.replace('#authentication', readmeLink(HERE, 'authentication')) : name === 'maxRetries' ? text.replace('#retries', readmeLink(HERE, 'retries')) : text;
    return [cell(markdownCode(name)), cell(markdownCode(t)), cell(d), cell(desc)];
  });
  const schemes = facts.used.slice(0, 1);
  const entries: [string, Example][] = [
    ['baseUrl', { kind: 'code', code: stringLiteral(/^https?:\/\//i.test(facts.baseUrl) ? facts.baseUrl : `https://api.example.com${facts.baseUrl}`) }],
  ];
  if (schemes.length > 0) entries.push(['auth', { kind: 'object', entries: schemes.map((n) => [n, credentialExample(facts, n)]) }]);
  entries.push(
    ['headers', { kind: 'object', entries: [['User-Agent', { kind: 'code', code: stringLiteral('my-app/1.0') }]] }],
    ['maxRetries', { kind: 'code', code: '3' }],
    ['timeout', { kind: 'code', code: '30_000' }],
    ['onRequest', { kind: 'code', code: '(request) => {\n    console.log(request.method, request.url);\n  }' }],
    ['onResponse', { kind: 'code', code: "(response) => {\n    console.log(response.status, response.headers.get('x-request-id'));\n  }" }],
  );
  const code = [
    `import { createClient } from ${stringLiteral(facts.packageName)};`,
    '',
    `const client = createClient({\n${entries.map(([k, v]) => `  ${k}: ${printExample(v, '  ', 80, k.length + 5)},\n`).join('')}});`,
    '',
    'console.log(client.baseUrl);',
  ].join('\n');
  const fetchCode = [
    `import { createClient } from ${stringLiteral(facts.packageName)};`,
    '',
    '// Every request goes through this function: add a proxy agent, record requests in tests, …',
    'const loggingFetch: typeof fetch = async (input, init) => {',
    '  const response = await fetch(input, init);',
    '  console.log(response.status, response.url);',
    '  return response;',
    '};',
    '',
    clientLine(facts, [], [['fetch', { kind: 'code', code: 'loggingFetch' }]]),
  ].join('\n');
  return [
    `${markdownCode('createClient(config?)')} takes these options, all optional:`,
    table(['Option', 'Type', 'Default', 'Description'], rows),
    codeBlock('ts', code),
    `A custom ${markdownCode('fetch')}:`,
    codeBlock('ts', fetchCode),
    ...envText(facts),
    ...serversText(facts, all, ownServers),
  ].join('\n\n');
}

/** The environment variables `createClient()` reads (config `env`), when there are any. */
function envText(facts: ClientFacts): string[] {
  if (facts.clientEnv.size === 0) return [];
  const rows = [...facts.clientEnv].map(([key, variable]) => [
    cell(markdownCode(variable)),
    key === 'baseUrl' ? cell(`${markdownCode('baseUrl')}`) : cell(`${markdownCode(`auth.${key}`)} (${facts.schemes.has(key) ? schemeKind(facts, key) : 'credential'})`),
  ]);
  const code = [`import { createClient } from ${stringLiteral(facts.packageName)};`, '', '// credentials and base URL from the environment', 'const client = createClient();', '', 'console.log(client.baseUrl);'].join('\n');
  return [
    `**Environment variables.** What the config leaves unset is read from these variables, when ${markdownCode('process.env')} exists (Node.js, Deno, Bun; never in browsers); an option passed to ${markdownCode('createClient')} always wins. So ${markdownCode('createClient()')} with no argument works:`,
    table(['Variable', 'Sets'], rows),
    codeBlock('ts', code),
  ];
}

/** Operations with their own server: where they go, and how to send them elsewhere. */
function serversText(facts: ClientFacts, all: OperationView[], servers: string[]): string[] {
  if (servers.length === 0) return [];
  const list = servers.map((s) => {
    const fns = all.filter((v) => v.server === s).map((v) => markdownCode(v.names.fn));
    return `- ${markdownCode(s)}: ${fns.length > 5 ? `${fns.slice(0, 5).join(', ')} and ${fns.length - 5} more` : fns.join(', ')}`;
  });
  const code = [
    `import { createClient } from ${stringLiteral(facts.packageName)};`,
    '',
    clientLine(facts, facts.used.slice(0, 1), [['servers', { kind: 'object', entries: servers.slice(0, 1).map((s) => [s, { kind: 'code', code: stringLiteral('http://localhost:8080') }]) }]]),
    '',
    'console.log(client.baseUrl);',
  ].join('\n');
  return [
    `**Servers per operation.** These operations declare their own server in the spec (operation- or path-level ${markdownCode('servers')}) and are sent there, not to ${markdownCode('baseUrl')}:`,
    list.join('\n'),
    `The ${markdownCode('servers')} option maps such a server to another base URL (a proxy, an enterprise host, a test server); the call option ${markdownCode('baseUrl')} sets the base URL of one call, whatever the operation.`,
    codeBlock('ts', code),
  ];
}

/** The per-call options (the last argument of every function): escape hatches included. */
function callOptionsSection(all: OperationView[], view: OperationView | undefined, dc: DocsContext): string {
  const rows: [string, string, string][] = [
    ['signal', 'AbortSignal', 'Cancels the call at any stage, including while it waits before a retry.'],
    ['timeout', 'number', "Milliseconds allowed per attempt (overrides the client's)."],
    ['maxRetries', 'number', "Retries after the first attempt (overrides the client's)."],
    ['retry', 'boolean', '`true`: retry this call like an idempotent one; `false`: never retry it.'],
    ['idempotencyKey', 'string', 'Sent in the idempotency header; makes a POST or PATCH retryable.'],
    ['headers', 'Record<string, string>', "Extra headers for this call (they win over the client's and the operation's)."],
    ['query', 'Record<string, unknown>', 'Extra query parameters the spec does not declare (form style, exploded).'],
    ['body', 'Record<string, unknown>', 'Extra fields merged into an object body (JSON, form or multipart), for fields the spec lacks.'],
    ['fetchOptions', 'RequestInit & Record<string, unknown>', 'Passed through to `fetch`: an undici `dispatcher` for a proxy, `cache`, `keepalive`, …'],
    ['baseUrl', 'string', 'The base URL of this call only (wins over the client\'s `baseUrl` and `servers`).'],
    ['contentType', 'string', 'Which of the declared request media types to send, for operations that accept several (see each operation\'s Request body).'],
  ];
  const text = [
    `Every function takes an options object as its last argument. Besides the retry and timeout settings, it has escape hatches for what the spec does not say:`,
    table(['Option', 'Type', 'Description'], rows.map(([n, t, d]) => [cell(markdownCode(n)), cell(markdownCode(t)), cell(d)])),
  ].join('\n\n');
  if (!view) return text;
  const call = callExpression(view, dc, view.names.fn);
  if (!call) return text;
  const options = `{\n  headers: { 'X-Trace-Id': 'trace-1' },\n  query: { debug: true },\n  fetchOptions: { keepalive: true },\n  baseUrl: 'http://localhost:8080',\n}`;
  const code = [
    importLine(dc.facts, ['createClient', view.names.fn]),
    '',
    clientLine(dc.facts, chosenSchemes(view.security, dc.facts)),
    '',
    `const options = ${options};`,
    `const result = await ${call('const result = await '.length, '', 'options')};`,
    'console.log(result);',
  ].join('\n');
  void all;
  return `${text}\n\n${codeBlock('ts', code)}`;
}

/** Operations that upload files: what an upload takes, and `toFile`. */
function uploadsSection(all: OperationView[], dc: DocsContext): string {
  const uploads = all.filter((v) => v.body?.media.some((m) => m.kind === 'multipart' || m.kind === 'binary'));
  if (uploads.length === 0) return '';
  const list = uploads.map((v) => codeLink(v.names.fn, operationLink(HERE, dc.operations.get(v.op.key)!.doc, v.op.key)));
  const shown = list.length > 8 ? `${list.slice(0, 8).join(', ')} and ${list.length - 8} more` : list.join(', ');
  const code = [
    `import { toFile } from ${stringLiteral(dc.packageName)};`,
    '',
    '// bytes, a Blob, a web ReadableStream or a Node.js Readable, with the name the server sees',
    `const file = await toFile(new TextEncoder().encode(${stringLiteral('{"prompt": "Hello"}\n')}), 'data.jsonl', { type: 'application/jsonl' });`,
    'console.log(file.name, file.size);',
  ].join('\n');
  return [
    `File fields and binary bodies take a ${markdownCode('File')}, ${markdownCode('Blob')}, ${markdownCode('Uint8Array')}, ${markdownCode('ArrayBuffer')}, web ${markdownCode('ReadableStream')} or Node.js ${markdownCode('Readable')} (the exported type ${markdownCode('Uploadable')}). Every file part carries a file name, which many servers read (the extension says what the file is): a ${markdownCode('File')}'s own name, else the field name with an extension from the content type (${markdownCode('file.bin')}). ${markdownCode('toFile(data, name, { type })')} turns any of them into a named ${markdownCode('File')}. In a multipart body, the other fields are plain text fields. Operations that upload: ${shown}.`,
    codeBlock('ts', code),
  ].join('\n\n');
}

function printKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name);
}

function authIntro(facts: ClientFacts): string {
  if (facts.schemes.size === 0) return 'This API declares no security schemes: no credentials are needed.';
  return [
    `Pass credentials in ${markdownCode('auth')}, keyed by the name of the spec's security scheme. A value is the secret itself or a function returning it (sync or async), called for every request, so short-lived tokens can be refreshed. Each operation sends the credentials its spec requires; a missing one rejects with ${markdownCode('MissingCredentialsError')} before anything is sent. Credentials never appear in error messages.`,
  ].join('\n\n');
}

function schemeBody(s: SecurityScheme, dc: DocsContext): string {
  const facts = dc.facts;
  const parts: string[] = [];
  parts.push(`${schemeKind(facts, s.name)[0].toUpperCase()}${schemeKind(facts, s.name).slice(1)}${schemeDetail(s)}.`);
  if (s.description?.trim()) parts.push(markdownText(s.description.trim()));
  if (s.type === 'oauth2') {
    const flows = Object.entries(s.flows).map(([flow, f]) => {
      const urls = [f.authorizationUrl && `authorization URL ${markdownCode(f.authorizationUrl)}`, f.tokenUrl && `token URL ${markdownCode(f.tokenUrl)}`].filter(Boolean).join(', ');
      const scopes = Object.keys(f.scopes);
      return `- ${markdownCode(flow)}${urls ? `: ${urls}` : ''}${scopes.length ? `; scopes ${scopes.map(markdownCode).join(', ')}` : ''}`;
    });
    const cc = clientCredentialsFlow(s);
    if (cc) {
      parts.push(
        `With the client credentials flow the client needs only your client id and secret: pass ${markdownCode('{ clientId, clientSecret, scopes? }')} and it fetches its tokens from ${markdownCode(cc.tokenUrl)} (a relative URL is resolved against the base URL), caches them until ${EXPIRY_MARGIN_S} seconds before they expire (or half their lifetime, when shorter), shares one token request among concurrent calls, uses a refresh token when the server returns one, and when the API answers 401 fetches a new token and retries the call once. The secret goes in HTTP basic auth (${markdownCode('client_secret_basic')}); ${markdownCode("authMethod: 'client_secret_post'")} sends it as form fields. A failing token request rejects with an ${markdownCode('ApiError')} naming the token URL (a ${markdownCode('ConnectionError')} when it is unreachable); the secret never appears in errors. Other flows (authorization code, implicit) need a token from your OAuth 2.0 library, passed as a string or a function returning it.`,
      );
      parts.push(codeBlock('ts', [`import { createClient } from ${stringLiteral(facts.packageName)};`, '', `const client = createClient({`, `  auth: { ${printKey(s.name)}: { clientId: process.env.CLIENT_ID!, clientSecret: process.env.CLIENT_SECRET!${cc.scopes.length ? `, scopes: [${stringLiteral(cc.scopes[0]!)}]` : ''} } },`, `});`].join('\n')));
    }
    if (flows.length > 0) parts.push(`${cc ? 'Or obtain' : 'Obtain'} the access token with your OAuth 2.0 library; the client sends it as a bearer token. Flows:\n\n${flows.join('\n')}`);
  }
  if (s.type === 'openIdConnect') parts.push(`Discovery document: ${markdownCode(s.url)}. Obtain the token with your OpenID Connect library; the client sends it as a bearer token.`);
  const env = facts.env.get(s.name)!;
  const pkg = stringLiteral(facts.packageName);
  let code: string;
  if (s.type === 'oauth2' || s.type === 'openIdConnect') {
    code = [
      `import { createClient } from ${pkg};`,
      '',
      '// Called before every request: return a cached token, refresh it when it expires.',
      'async function getAccessToken(): Promise<string> {',
      `  return process.env.${env}!;`,
      '}',
      '',
      clientLine(facts, [s.name], [], () => ({ kind: 'code', code: 'getAccessToken' })),
    ].join('\n');
  } else {
    code = [`import { createClient } from ${pkg};`, '', clientLine(facts, [s.name])].join('\n');
  }
  parts.push(codeBlock('ts', code));
  return parts.join('\n\n');
}

function schemeDetail(s: SecurityScheme): string {
  if (s.type === 'http' && s.scheme.toLowerCase() === 'bearer') return `, sent as ${markdownCode('Authorization: Bearer <token>')}${s.bearerFormat ? ` (${markdownText(s.bearerFormat)})` : ''}`;
  if (isBasic(s)) return `: pass ${markdownCode('{ username, password }')} (or the already encoded string), sent as ${markdownCode('Authorization: Basic …')}`;
  if (s.type === 'http') return `, sent as ${markdownCode(`Authorization: ${s.scheme} <credentials>`)}`;
  if (s.type === 'oauth2' || s.type === 'openIdConnect') return `, sent as ${markdownCode('Authorization: Bearer <token>')}`;
  return '';
}

function usage(group: GroupNames, views: OperationView[], view: OperationView | undefined, dc: DocsContext): Section {
  const doc = group.doc;
  const heading = group.title.replace(/[\r\n]+/g, ' ');
  const count = views.length;
  const link = `[${markdownCode(doc)}](${apiHref(HERE, doc)})`;
  const parts = [`${count} operation${count === 1 ? '' : 's'}: see ${link}.`];
  if (view) {
    const code = operationExample(view, dc, true);
    if (code) parts.push(`For example, ${codeLink(view.names.fn, operationLink(HERE, doc, view.op.key))}:`, codeBlock('ts', code));
  }
  return { heading: markdownText(heading).replace(/\n/g, ' ') || doc, body: parts.join('\n\n') };
}

function errorsSection(view: OperationView | undefined, dc: DocsContext): string {
  const rows: [string, string][] = [
    ['ApiError', 'The server answered with a non-2xx status. Has `status`, `headers`, `requestId` and the parsed `body` (JSON, or text).'],
    ['BadRequestError', '400'],
    ['AuthenticationError', '401'],
    ['PermissionDeniedError', '403'],
    ['NotFoundError', '404'],
    ['ConflictError', '409'],
    ['UnprocessableEntityError', '422'],
    ['RateLimitError', '429'],
    ['InternalServerError', 'any 5xx'],
    ['ConnectionError', 'No response: DNS failure, refused or reset connection, broken body.'],
    ['TimeoutError', 'An attempt took longer than `timeout` (a `ConnectionError`).'],
    ['MissingCredentialsError', 'The operation needs credentials that `auth` does not have.'],
  ];
  const intro = `Every error is an ${markdownCode('OagenError')}. A non-2xx response rejects with the ${markdownCode('ApiError')} subclass for its status; each operation's doc lists its declared responses and the type of their bodies (exported as ${markdownCode('<Operation>Error')}, e.g. ${markdownCode('ListUsersError')}).`;
  const text = `${intro}\n\n${table(['Class', 'When'], rows.map(([c, w]) => [cell(markdownCode(c)), cell(w)]))}`;
  if (!view) return text;
  const call = callExpression(view, dc, view.names.fn);
  if (!call) return text;
  const head = '  await ';
  const code = [
    importLine(dc.facts, ['ApiError', 'ConnectionError', 'createClient', 'NotFoundError', 'RateLimitError', 'TimeoutError', view.names.fn]),
    '',
    clientLine(dc.facts, chosenSchemes(view.security, dc.facts)),
    '',
    'try {',
    `${head}${call(head.length, '  ')};`,
    '} catch (error) {',
    '  if (error instanceof NotFoundError) {',
    "    console.error('not found:', error.body);",
    '  } else if (error instanceof RateLimitError) {',
    "    console.error('slow down; retry after', error.headers.get('retry-after'));",
    '  } else if (error instanceof ApiError) {',
    '    console.error(error.status, error.requestId, error.body);',
    '  } else if (error instanceof TimeoutError) {',
    "    console.error('timed out');",
    '  } else if (error instanceof ConnectionError) {',
    "    console.error('network problem:', error.message);",
    '  } else {',
    '    throw error;',
    '  }',
    '}',
  ].join('\n');
  return `${text}\n\n${codeBlock('ts', code)}`;
}

function paginationSection(all: OperationView[], dc: DocsContext): string {
  const paged = all.filter((v) => v.pagination);
  const v = paged[0]!;
  const fn = v.names.fn;
  const list = paged.map((p) => codeLink(p.names.fn, operationLink(HERE, dc.operations.get(p.op.key)!.doc, p.op.key))).join(', ');
  const text = `List operations that page through results return a ${markdownCode('PagePromise')}: await it for the first page, iterate it with ${markdownCode('for await')} for every item across pages (the next page is fetched only when iteration reaches it), or call ${markdownCode('.pages()')} to walk whole pages. oagen recognizes cursor pagination (an ${markdownCode('after')}/${markdownCode('cursor')}-like query parameter with ${markdownCode('has_more')}/${markdownCode('next_cursor')}/${markdownCode('last_id')}-like response fields), page numbers (${markdownCode('page')} with a total of pages or items), next-page links (a ${markdownCode('Link')} response header, or a next-page URL field such as ${markdownCode('@odata.nextLink')}), and the ${markdownCode('x-speakeasy-pagination')}, ${markdownCode('x-fern-pagination')} and ${markdownCode('x-ms-pageable')} extensions. Paginated here: ${list}.`;
  const call = callExpression(v, dc, fn);
  if (!call) return text;
  const code = [
    importLine(dc.facts, ['createClient', fn]),
    '',
    clientLine(dc.facts, chosenSchemes(v.security, dc.facts)),
    '',
    '// The first page only',
    `const firstPage = await ${call('const firstPage = await '.length, '')};`,
    'console.log(firstPage);',
    '',
    '// Every item of every page',
    `for await (const item of ${call('for await (const item of '.length, '')}) {`,
    '  console.log(item);',
    '}',
    '',
    '// Page by page',
    `for await (const page of ${call('for await (const page of '.length, '')}.pages()) {`,
    '  console.log(page);',
    '}',
  ].join('\n');
  return `${text}\n\n${codeBlock('ts', code)}`;
}

function retriesSection(all: OperationView[], view: OperationView | undefined, dc: DocsContext): string {
  const text = [
    `Failed attempts are retried with exponential backoff and jitter (${markdownCode('backoff')}), up to ${markdownCode('maxRetries')} times (default 2). ${markdownCode('Retry-After')} and ${markdownCode('retry-after-ms')} response headers are honoured. Idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) are retried on connection errors, timeouts, 408, 409, 429 and 5xx responses. Every method, POST and PATCH included, is retried when the server did not process the request: a 429, a 503, a response with ${markdownCode('x-should-retry: true')}, or a connection refused before anything was sent. Beyond that, a POST or PATCH is retried like an idempotent call when the call passes ${markdownCode('retry: true')} or an ${markdownCode('idempotencyKey')}, or when the client has an ${markdownCode('idempotencyHeader')}; ${markdownCode('retry: false')} turns retries off for one call.`,
    `Each attempt may take ${markdownCode('timeout')} milliseconds (default 600 000: 10 minutes, as long model calls need). Every option can be set per call in the last argument (see [Per-call options](${readmeLink(HERE, 'call-options')})), along with an ${markdownCode('AbortSignal')} that cancels the call at any stage, including while it waits before a retry.`,
  ].join('\n\n');
  if (!view) return text;
  const call = callExpression(view, dc, view.names.fn);
  if (!call) return text;
  const post = all.find((v) => /^(POST|PATCH)$/.test(v.op.method) && v.success.kind !== 'sse' && !v.pagination && callExpression(v, dc, v.names.fn));
  const fns = [view.names.fn, ...(post && post.names.fn !== view.names.fn ? [post.names.fn] : [])];
  const lines = [
    importLine(dc.facts, ['createClient', ...fns]),
    '',
    clientLine(dc.facts, chosenSchemes(view.security, dc.facts), [['maxRetries', { kind: 'code', code: '4' }], ['timeout', { kind: 'code', code: '20_000' }]]),
    '',
    'const controller = new AbortController();',
    'setTimeout(() => controller.abort(), 5_000);',
    '',
    '// At most 10 s per attempt, no retries, cancelled after 5 s',
    'const options = { timeout: 10_000, maxRetries: 0, signal: controller.signal };',
    `const result = await ${call('const result = await '.length, '', 'options')};`,
    'console.log(result);',
  ];
  if (post) {
    const postCall = callExpression(post, dc, post.names.fn)!;
    lines.push('', `// ${post.op.method} is retried only when the server did not process it, unless you say it is safe`, `await ${postCall('await '.length, '', "{ idempotencyKey: 'a-unique-key-per-logical-request' }")};`);
  }
  return `${text}\n\n${codeBlock('ts', lines.join('\n'))}`;
}

function rawSection(view: OperationView | undefined, dc: DocsContext): string {
  const text = `Every call returns an ${markdownCode('ApiPromise')}: await it for the parsed body, or call ${markdownCode('.withResponse()')} to get the body together with the ${markdownCode('Response')} (status, headers such as rate limits and request ids), or ${markdownCode('.asResponse()')} for the raw ${markdownCode('Response')} with its body unread.`;
  if (!view) return text;
  const call = callExpression(view, dc, view.names.fn);
  if (!call) return text;
  const code = [
    importLine(dc.facts, ['createClient', view.names.fn]),
    '',
    clientLine(dc.facts, chosenSchemes(view.security, dc.facts)),
    '',
    `const { data, response } = await ${call('const { data, response } = await '.length, '')}.withResponse();`,
    "console.log(response.status, response.headers.get('x-request-id'), data);",
    '',
    `const raw = await ${call('const raw = await '.length, '')}.asResponse();`,
    "console.log(raw.headers.get('content-type'));",
  ].join('\n');
  return `${text}\n\n${codeBlock('ts', code)}`;
}

function streamingSection(all: OperationView[], dc: DocsContext): string {
  const streams = all.flatMap((v) => (v.success.kind === 'sse' ? [{ v, fn: v.names.fn }] : v.stream && v.names.stream ? [{ v, fn: v.names.stream }] : []));
  const list = streams
    .map(({ v, fn }) => {
      const doc = dc.operations.get(v.op.key)!.doc;
      const href = v.success.kind === 'sse' ? operationLink(HERE, doc, v.op.key) : anchorLink(`docs/${doc}.md`, ids.section(v.op.key, 'Streaming'), apiHref(HERE, doc));
      return codeLink(fn, href);
    })
    .join(', ');
  const text = `Operations that answer with server-sent events (${markdownCode('text/event-stream')}) resolve to an ${markdownCode('EventStream')}: iterate it with ${markdownCode('for await')} to get each event's parsed JSON ${markdownCode('data')}; iteration ends at the end of the stream or a ${markdownCode('[DONE]')} event. ${markdownCode('stream.abort()')} (or the call's ${markdownCode('signal')}) stops it. Streaming functions: ${list}.`;
  const first = streams[0];
  if (!first) return text;
  const call = callExpression(first.v, dc, first.fn);
  if (!call) return text;
  const code = [
    importLine(dc.facts, ['createClient', first.fn]),
    '',
    clientLine(dc.facts, chosenSchemes(first.v.security, dc.facts)),
    '',
    `const stream = await ${call('const stream = await '.length, '')};`,
    'let count = 0;',
    'for await (const event of stream) {',
    '  console.log(event);',
    '  if (++count === 100) stream.abort();',
    '}',
  ].join('\n');
  return `${text}\n\n${codeBlock('ts', code)}`;
}

/**
 * The README's API reference table (the `docs-readme-api-reference` partial): one row per
 * operation, grouped by API doc, the API cell on a group's first row (a single space on the
 * others). Cells are table-safe.
 */
function apiReference(groups: ReadmeInput['groups']): { api: string; fn: string; http: string; summary: string }[] {
  const rows: { api: string; fn: string; http: string; summary: string }[] = [];
  for (const g of groups) {
    const sorted = [...g.views].sort((a, b) => compare(a.names.fn, b.names.fn));
    sorted.forEach((v, i) => {
      const summary = `${v.op.deprecated ? '**Deprecated.** ' : ''}${markdownTableCell(firstLine(v.op.summary ?? v.op.description))}`;
      rows.push({
        api: i === 0 ? cell(`[${markdownCode(g.names.doc)}](${apiHref(HERE, g.names.doc)})`) : ' ',
        fn: cell(codeLink(v.names.fn, operationLink(HERE, g.names.doc, v.op.key))),
        http: cell(httpLine(v)),
        summary: summary || ' ',
      });
    });
  }
  return rows;
}

function compare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
