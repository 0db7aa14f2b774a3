/**
 * `formats: ["esm", "cjs"]`: CommonJS beside ESM, for publishers whose users still `require()`.
 * ESM stays in `dist/` (the default, and the only format without this option); CommonJS goes to
 * `dist/cjs/`, compiled by `tsconfig.cjs.json` from the same sources, with a
 * `dist/cjs/package.json` of `{ "type": "commonjs" }` (written by the build) so Node and
 * TypeScript read those `.js` and `.d.ts` files as CommonJS. Every `exports` entry of the
 * package, the plugins' subpaths included, gets `import` and `require` conditions, each with
 * its own types (publint and attw clean for both); `main` and `types` name the CommonJS build
 * for resolvers that know no `exports`.
 */
export type OutputFormat = 'esm' | 'cjs';

export const CJS_TSCONFIG = 'tsconfig.cjs.json';

/** The CommonJS build, after the ESM one: compile, then mark the folder as CommonJS. */
const CJS_BUILD = `tsc -p ${CJS_TSCONFIG} && node -e "require('node:fs').writeFileSync('dist/cjs/package.json', '{\\"type\\": \\"commonjs\\"}\\\\n')"`;

const toCjs = (p: string) => p.replace(/^\.\/dist\//, './dist/cjs/');

type Target = { types?: string; import?: string } & Record<string, unknown>;

/** An `exports` target `{ types, import }` → `{ import: { types, default }, require: { types, default } }`. */
function dual(target: unknown): unknown {
  if (typeof target !== 'object' || target === null) return target;
  const t = target as Target;
  if (typeof t.import !== 'string' || !t.import.startsWith('./dist/')) return target;
  const esm = { ...(t.types ? { types: t.types } : {}), default: t.import };
  const cjs = { ...(t.types ? { types: toCjs(t.types) } : {}), default: toCjs(t.import) };
  return { import: esm, require: cjs };
}

/** The package.json of a package built in both formats. */
export function dualPackageJson(text: string): string {
  const pkg = JSON.parse(text) as Record<string, unknown> & { exports?: Record<string, unknown>; scripts?: Record<string, string> };
  if (pkg.exports) pkg.exports = Object.fromEntries(Object.entries(pkg.exports).map(([k, v]) => [k, dual(v)]));
  if (typeof pkg.main === 'string') pkg.main = toCjs(pkg.main);
  if (typeof pkg.types === 'string') pkg.types = toCjs(pkg.types);
  for (const s of ['build', 'prepack']) if (pkg.scripts?.[s]?.startsWith('tsc -p tsconfig.build.json')) pkg.scripts[s] = `${pkg.scripts[s]} && ${CJS_BUILD}`;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
