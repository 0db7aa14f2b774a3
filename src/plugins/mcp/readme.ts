/**
 * The README section of the MCP server: how to run it (npx, and why with `-p`), the
 * environment variables, an MCP client's configuration (Claude Desktop's), the HTTP mode, and
 * which operations it exposes.
 */
import { markdownCode, markdownCodeBlock, markdownText } from '../../escape/index.js';
import type { ApiView, ReadmeSection } from '../types.js';
import type { McpEnv } from './env.js';
import type { ResolvedOptions } from './options.js';
import { SDK } from './package-json.js';

export function mcpReadme(view: ApiView, options: ResolvedOptions, env: McpEnv, toolCount: number): ReadmeSection {
  const pkg = view.packageName;
  const bin = options.bin;
  const npx = ['npx', '-y', '-p', SDK, '-p', pkg, bin];
  const vars = [...(env.baseUrl ? [[env.baseUrl, `the API's base URL (default: the spec's server)`]] : []), ...env.auth.map(([scheme, v]) => [v, `the credential of the security scheme ${markdownCode(scheme)}`])];
  const example = Object.fromEntries(env.auth.slice(0, 1).map(([, v]) => [v, '…']));
  const claude = { mcpServers: { [pkg.replace(/^@[^/]+\//, '')]: { command: 'npx', args: npx.slice(1), ...(env.auth.length > 0 ? { env: example } : {}) } } };
  const scope = [
    options.readOnly
      ? `${toolCount} tools, one per read operation (GET and HEAD): the server is read-only, the default of oagen's \`mcp\` plugin (a package generated with \`"readOnly": false\` exposes the writes too)`
      : `${toolCount} tools, one per operation, writes included (the package was generated with the \`mcp\` plugin's \`"readOnly": false\`)`,
    options.include ? `; only ${options.include.map((n) => markdownCode(n)).join(', ')}` : '',
    options.exclude.length > 0 ? `; without ${options.exclude.map((n) => markdownCode(n)).join(', ')}` : '',
  ].join('');
  const body = [
    `${markdownCode(bin)} is an [MCP](https://modelcontextprotocol.io) server for ${markdownText(view.ir.info.title)}, so an AI agent can call the API: ${scope}. Each tool's input is the operation function's params object as a JSON Schema (parameters by name, the request body as ${markdownCode('body')}), its description the spec's, and its result the response as JSON text; an API error is a tool error carrying the status and the error body.`,
    `It is built on the official SDK, ${markdownCode(SDK)}, an *optional* peer dependency: the package itself stays dependency-free, and only this server needs the SDK. So run it with the SDK next to it (npx installs both into one temporary folder):`,
    markdownCodeBlock('sh', npx.join(' ')),
    `In a project that has ${markdownCode(pkg)} installed: ${markdownCode(`npm install ${SDK}`)}, then ${markdownCode(`npx ${bin}`)}.`,
    vars.length > 0 ? `It reads its configuration from the environment:\n\n| variable | what |\n| --- | --- |\n${vars.map(([v, what]) => `| ${markdownCode(v!)} | ${what} |`).join('\n')}` : 'It reads nothing from the environment: this API declares no credentials.',
    `An MCP client starts the server itself and talks to it over stdio. In Claude Desktop, add it to ${markdownCode('claude_desktop_config.json')} (Settings → Developer → Edit Config); other clients (Claude Code, Cursor, VS Code, …) take the same command, arguments and environment:`,
    markdownCodeBlock('json', oneLineLists(JSON.stringify(claude, null, 2))),
    `${markdownCode('--http')} serves it over Streamable HTTP instead (stateless, at ${markdownCode('/mcp')}; ${markdownCode('--port')} default 3000, ${markdownCode('--host')} default ${markdownCode('127.0.0.1')}, this machine only):`,
    markdownCodeBlock('sh', `${npx.join(' ')} --http --port 3000`),
    `${markdownCode(`${pkg}/mcp`)} exports ${markdownCode('createServer(client?)')} (the server, to connect to a transport of your own), ${markdownCode('tools')} and ${markdownCode('clientFromEnv()')}.`,
  ];
  return { id: 'mcp-server', heading: 'MCP server', body: body.join('\n\n') };
}

/** JSON with each list of strings on one line (`"args": ["-y", "-p", …]`). */
function oneLineLists(json: string): string {
  return json.replace(/\[\n\s*("(?:[^"\\]|\\.)*"(?:,\n\s*"(?:[^"\\]|\\.)*")*)\n\s*\]/g, (_, items: string) => `[${items.replace(/,\n\s*/g, ', ')}]`);
}
