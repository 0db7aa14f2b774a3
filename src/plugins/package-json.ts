/**
 * The package.json contributions of the plugins, merged into the `client` plugin's
 * package.json: deterministic (each field's keys sorted, `exports` subpaths sorted after the
 * package's own), and a key two plugins (or a plugin and the base) set differently is an error.
 * A plugin's peer dependency is needed only by that plugin's subpath: it is marked optional (so
 * installing the package installs nothing), and is a dev dependency too (so the package builds).
 */
import { OagenError } from '../diagnostics.js';
import type { PackageJsonContribution } from './types.js';

const FIELDS = ['dependencies', 'peerDependencies', 'peerDependenciesMeta', 'devDependencies', 'exports', 'scripts', 'bin'] as const;

export function mergePackageJson(base: string, contributions: readonly { plugin: string; json: PackageJsonContribution }[]): string {
  const pkg = JSON.parse(base) as Record<string, unknown>;
  contributions = contributions.map(({ plugin, json }) => ({ plugin, json: optionalPeers(json) }));
  for (const field of FIELDS) {
    const own = (pkg[field] ?? {}) as Record<string, unknown>;
    const added = new Map<string, { value: unknown; plugin: string }>();
    for (const { plugin, json } of contributions) {
      for (const [key, value] of Object.entries(json[field] ?? {})) {
        const before = added.get(key);
        if (key in own && JSON.stringify(own[key]) !== JSON.stringify(value)) {
          throw pluginError(`plugin '${plugin}' sets package.json ${field}[${JSON.stringify(key)}], which the package already sets differently`);
        }
        if (before && JSON.stringify(before.value) !== JSON.stringify(value)) {
          throw pluginError(`plugins '${before.plugin}' and '${plugin}' both set package.json ${field}[${JSON.stringify(key)}], differently`);
        }
        if (!(key in own)) added.set(key, { value, plugin });
      }
    }
    if (added.size === 0) continue;
    const keys = [...added.keys()].sort();
    // the package's own keys keep their order (exports: "." first); the plugins' follow, sorted
    const merged: Record<string, unknown> = { ...own };
    for (const k of keys) merged[k] = added.get(k)!.value;
    pkg[field] = field === 'exports' ? merged : Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function optionalPeers(json: PackageJsonContribution): PackageJsonContribution {
  const peers = Object.entries(json.peerDependencies ?? {});
  if (peers.length === 0) return json;
  return {
    ...json,
    peerDependenciesMeta: { ...Object.fromEntries(peers.map(([name]) => [name, { optional: true }])), ...json.peerDependenciesMeta },
    devDependencies: { ...Object.fromEntries(peers), ...json.devDependencies },
  };
}

function pluginError(message: string): OagenError {
  return new OagenError({ code: 'E_PLUGIN', severity: 'error', message });
}
