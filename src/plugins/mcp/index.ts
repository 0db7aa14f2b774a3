/**
 * The `mcp` plugin: an MCP server in the generated package (src/mcp/), run by its `bin`
 * (`<package>-mcp`), exposing the operations as tools (see README.md, "Plugins").
 *
 * - src/mcp/tools.ts: the tools (templates/mcp/tools.ts.hbs; input schemas from ./json-schema.ts)
 * - src/mcp/index.ts: the `./mcp` export: the server, the client from the environment (./env.ts)
 * - src/mcp/bin.ts: the command; src/mcp/server.ts, src/mcp/http.ts: copied from templates/mcp/
 */
import { readFileSync } from 'node:fs';
import { objectLiteralKey, stringLiteral, templateLiteralText } from '../../escape/index.js';
import { render, TEMPLATES_DIR } from '../../emit/templates.js';
import type { ApiView, Plugin } from '../types.js';
import { mcpEnv } from './env.js';
import { checkOptions } from './options.js';
import { mcpPackageJson, SDK } from './package-json.js';
import { printValue } from './print.js';
import { mcpReadme } from './readme.js';
import { selectOperations, toolView } from './tools.js';

export const mcpPlugin: Plugin = {
  name: 'mcp',
  requires: ['client'],
  *files(view, ctx) {
    const options = checkOptions(ctx.options, view.packageName);
    const tools = selectOperations(view, options).map((op) => toolView(view, op));
    const env = mcpEnv(view);
    yield [
      'src/mcp/tools.ts',
      render('mcp/tools.ts.hbs', {
        header: view.header,
        count: tools.length,
        readOnly: options.readOnly,
        imports: tools.map((t) => t.fn),
        tools: tools.map((t) => ({
          name: stringLiteral(t.name),
          title: t.title ? stringLiteral(t.title) : '',
          description: stringLiteral(t.description),
          annotations: printValue(t.annotations, '    ', 'annotations: '.length + 1),
          inputSchema: printValue(t.inputSchema, '    ', 'inputSchema: '.length + 1),
          files: t.files.length > 0 ? printValue(t.files, '    ', 'files: '.length + 1) : '',
          fn: t.fn,
        })),
      }),
    ];
    const auth = env.auth.map(([scheme, v]) => `${objectLiteralKey(scheme)}: ${stringLiteral(v)}`).join(', ');
    // no credential variable (no scheme, or an `env` map naming none): typed as a map all the same,
    // so that src/mcp/bin.ts can read its values (`Object.values({})` is `never[]`)
    const noAuth = '{} as { readonly [scheme: string]: string }';
    yield [
      'src/mcp/index.ts',
      render('mcp/index.ts.hbs', {
        header: view.header,
        bin: options.bin,
        name: stringLiteral(view.packageName),
        version: stringLiteral(view.version),
        readOnly: options.readOnly,
        env: `{ baseUrl: ${env.baseUrl ? stringLiteral(env.baseUrl) : 'undefined'}, auth: ${auth ? `{ ${auth} }` : noAuth} }`,
        baseUrl: env.baseUrl ? stringLiteral(env.baseUrl) : '',
        auth: env.auth.map(([scheme, v], i) => ({ local: `credential${i + 1}`, variable: stringLiteral(v), scheme: stringLiteral(scheme) })),
      }),
    ];
    yield [
      'src/mcp/bin.ts',
      render('mcp/bin.ts.hbs', {
        header: view.header,
        bin: options.bin,
        binText: templateLiteralText(options.bin),
        packageName: view.packageName,
        usage: stringLiteral(usage(view, options.bin)),
        missingSdk: stringLiteral(
          `${options.bin} needs ${SDK}, an optional peer dependency of ${view.packageName}. Install it next to the package (npm install ${SDK}), or run:\n  npx -p ${SDK} -p ${view.packageName} ${options.bin}\n`,
        ),
      }),
    ];
    for (const name of ['server.ts', 'http.ts']) yield [`src/mcp/${name}`, source(name)];
  },
  readme(view, ctx) {
    const options = checkOptions(ctx.options, view.packageName);
    return [mcpReadme(view, options, mcpEnv(view), selectOperations(view, options).length)];
  },
  packageJson(view, ctx) {
    return mcpPackageJson(checkOptions(ctx.options, view.packageName).bin);
  },
};

function usage(view: ApiView, bin: string): string {
  return `Usage: ${bin} [--http [--port 3000] [--host 127.0.0.1]]

The MCP server of ${view.packageName}: over stdio by default (how MCP clients start it),
over Streamable HTTP at /mcp with --http.
`;
}

const sources = new Map<string, string>();

/** A file of templates/mcp/, copied verbatim. */
function source(name: string): string {
  let text = sources.get(name);
  if (text === undefined) sources.set(name, (text = readFileSync(`${TEMPLATES_DIR}mcp/${name}`, 'utf8')));
  return text;
}
