/**
 * What the MCP server adds to package.json: the `bin`, the `./mcp` export, and the SDK as an
 * optional peer dependency (and a dev dependency, with Node's types, to build the package).
 */
import type { PackageJsonContribution } from '../types.js';

export const SDK = '@modelcontextprotocol/sdk';
/** the SDK versions the server is written and tested against */
export const SDK_RANGE = '^1.32.0';

export function mcpPackageJson(bin: string): PackageJsonContribution {
  return {
    bin: { [bin]: './dist/mcp/bin.js' },
    exports: { './mcp': { types: './dist/mcp/index.d.ts', import: './dist/mcp/index.js' } },
    peerDependencies: { [SDK]: SDK_RANGE },
    peerDependenciesMeta: { [SDK]: { optional: true } },
    devDependencies: { [SDK]: SDK_RANGE, '@types/node': '>=20' },
  };
}
