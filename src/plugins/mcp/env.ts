/**
 * The environment variables the MCP server reads: the base URL's and each credential's. The
 * client config's `env` map names them (as for `createClient()`); without one, they are
 * derived from the package name: `<PACKAGE>_BASE_URL`, `<PACKAGE>_<SCHEME>`.
 */
import type { ApiView } from '../types.js';

export interface McpEnv {
  /** undefined: the spec's server, always */
  baseUrl: string | undefined;
  /** security scheme → variable holding its credential */
  auth: [scheme: string, variable: string][];
}

export function mcpEnv(view: ApiView): McpEnv {
  // the schemes `createClient({ auth })` takes (src/plugins/client/index.ts)
  const schemes = view.ir.securitySchemes.filter((s) => s.type !== 'mutualTLS').map((s) => s.name);
  const given = view.options.env;
  if (given) return { baseUrl: given.baseUrl, auth: schemes.filter((s) => given[s] !== undefined).map((s) => [s, given[s]!]) };
  const prefix = snake(view.packageName.replace(/^@[^/]+\//, ''));
  return { baseUrl: `${prefix}_BASE_URL`, auth: schemes.map((s) => [s, `${prefix}_${snake(s)}`]) };
}

/** `openai-admin` → `OPENAI_ADMIN`, `OAuth2AuthorizationCode` → `OAUTH2_AUTHORIZATION_CODE` */
function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .replace(/^(?=\d)/, '_');
}
