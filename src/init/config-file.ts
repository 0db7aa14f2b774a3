/**
 * The `oagen.config.ts` init writes: the client for the spec, with a comment on each field
 * and the plugins to choose from (every built-in, from src/config.ts, so a new plugin shows
 * up here by itself).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_PLUGIN_NAMES } from '../config.js';
import { CONFIG_FILES } from '../config/file.js';
import { EXIT_USAGE, OagenError } from '../diagnostics.js';
import type { InitStep } from './types.js';

/** What each built-in plugin makes (a plugin not listed here is shown with its requirements only). */
const ABOUT: Record<string, string> = {
  client: 'the typed client: createClient(), one function per operation, the models',
  docs: 'README.md and docs/: every operation and model, with examples',
  zod: 'Zod schemas of the models',
  'tanstack-query': 'TanStack Query options and hooks',
  mocks: 'fake data for every model',
  msw: 'MSW request handlers answering with fake data',
  tests: 'tests of the client against the MSW handlers',
  sdk: 'an SDK-style class over the client',
  mcp: 'an MCP server exposing the operations as tools',
};

export function configText(spec: string, name: string, output: string): string {
  const plugins = Object.entries(BUILTIN_PLUGIN_NAMES).map(([p, needs]) => {
    const parts = [ABOUT[p], needs.length ? `needs ${needs.map((n) => JSON.stringify(n)).join(', ')}` : ''].filter(Boolean);
    return `      //   ${JSON.stringify(p).padEnd(17)} ${parts.join('; ')}`;
  });
  const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `import { defineConfig } from 'oagen';

// oagen: OpenAPI → a typed TypeScript client package. Every field is typed: your editor
// completes them and flags mistakes. Paths are relative to this file.
export default defineConfig({
  clients: [
    {
      // the npm package name of the generated client (from the spec's info.title)
      name: ${q(name)},
      // the OpenAPI document (YAML or JSON; 3.0, 3.1 or Swagger 2.0): a file, or an http(s) URL
      spec: ${q(spec)},
      // where the package is written (a folder oagen owns: it is replaced on every run)
      output: ${q(output)},
      // what is generated, in order. Built-in plugins:
${plugins.join('\n')}
      //   a local module: './my-plugin.mjs' (export default definePlugin({ … }) from 'oagen')
      plugins: ['client', 'docs'],
      // format the generated code with the formatter your project has installed
      // format: 'prettier', // or 'biome'
      // a spec on a server: request headers (a private spec), timeout, and how often
      // \`oagen generate --watch\` asks whether it changed
      // fetch: { headers: { Authorization: \`Bearer \${process.env.SPEC_TOKEN}\` }, timeout: 30_000, poll: 2_000 },
      // only part of the API
      // include: { paths: ['/users'], tags: [], operations: [] },
      // environment variables createClient() reads: security scheme name or 'baseUrl' → variable
      // env: { baseUrl: 'API_BASE_URL' },
    },
  ],
});
`;
}

export const configStep: InitStep = {
  name: 'config',
  options: { force: { type: 'boolean' } },
  help: '  --force          overwrite an existing oagen config file',
  run(ctx) {
    const existing = CONFIG_FILES.map((f) => join(ctx.cwd, f)).find((f) => existsSync(f));
    if (existing && !ctx.values.force) {
      throw new OagenError({ code: 'E_USAGE', severity: 'error', message: `${existing} exists already; pass --force to replace it with oagen.config.ts` }, EXIT_USAGE);
    }
    writeFileSync(join(ctx.cwd, 'oagen.config.ts'), configText(ctx.spec, ctx.name, ctx.output));
    ctx.done(`wrote oagen.config.ts (${ctx.name} from ${ctx.spec} → ${ctx.output})`);
  },
};
