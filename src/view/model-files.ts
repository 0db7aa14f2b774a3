/**
 * Which file of the generated package declares each model: `src/models/<group>.ts` holds the
 * models only that API group's operations use (directly or through other models), and
 * `src/models/shared.ts` the models several groups use, or none (webhook payloads, schemas no
 * operation mentions) with everything they refer to. `src/models/index.ts` re-exports them all.
 *
 * So a group file refers only to its own models and the shared ones, and the shared file only
 * to its own: imports go one way (`<group>.ts` → `shared.ts`), never in a cycle. Deterministic:
 * the files follow the groups' order, the models in each are sorted by name.
 */
import type { Schema } from '../ir/types.js';
import { UPLOADABLE } from './printer.js';

/** The shared models' file (`src/models/shared.ts`). */
export const SHARED_MODELS = 'shared';

/** One `src/models/<file>.ts`. */
export interface ModelFile {
  /** the file's name without `.ts` (`users`, `shared`) */
  readonly file: string;
  /** the API group it belongs to (`GroupView.file`), undefined for the shared file */
  readonly group: string | undefined;
  /** the models it declares, sorted by name */
  readonly models: readonly string[];
  /** the shared models its declarations refer to, sorted (none in the shared file) */
  readonly sharedImports: readonly string[];
  /** runtime types its declarations refer to (`Uploadable`), sorted */
  readonly runtimeTypes: readonly string[];
}

export interface ModelLayout {
  /** the files that declare at least one model: the groups' in the groups' order, then the shared one */
  readonly files: readonly ModelFile[];
  /** model name → its file (`users`, `shared`) */
  readonly fileOf: ReadonlyMap<string, string>;
}

/** What the split needs to know about one model. */
export interface ModelInput {
  readonly name: string;
  readonly schema: Schema;
}

/** What the split needs to know about one API group. */
export interface GroupInput {
  readonly file: string;
  /** model names its operations' types mention */
  readonly models: ReadonlySet<string>;
}

/**
 * The split. `nameOf` gives the generated name of a schema id (the `$ref` targets); a model
 * refers to the models its `$ref`s name, as the type printer writes them.
 */
export function modelLayout(models: readonly ModelInput[], groups: readonly GroupInput[], nameOf: (id: string) => string | undefined): ModelLayout {
  const refs = new Map<string, { models: string[]; runtime: string[] }>();
  for (const m of models) refs.set(m.name, references(m.schema, nameOf));

  // the groups reaching each model, through the models their operations mention
  const reachedBy = new Map<string, Set<string>>();
  for (const g of groups) {
    const stack = [...g.models].sort();
    while (stack.length > 0) {
      const name = stack.pop()!;
      const by = reachedBy.get(name) ?? new Set<string>();
      if (by.has(g.file) || !refs.has(name)) continue;
      by.add(g.file);
      reachedBy.set(name, by);
      stack.push(...refs.get(name)!.models);
    }
  }
  // shared: reached by no group or by several, and everything those refer to
  const shared = new Set<string>();
  const stack = models.map((m) => m.name).filter((n) => (reachedBy.get(n)?.size ?? 0) !== 1);
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (shared.has(name) || !refs.has(name)) continue;
    shared.add(name);
    stack.push(...refs.get(name)!.models);
  }

  const fileNames = modelFileNames(groups.map((g) => g.file));
  const fileOf = new Map<string, string>();
  const byFile = new Map<string, string[]>();
  for (const m of models) {
    const file = shared.has(m.name) ? SHARED_MODELS : fileNames.get([...reachedBy.get(m.name)!][0]!)!;
    fileOf.set(m.name, file);
    const list = byFile.get(file) ?? [];
    list.push(m.name);
    byFile.set(file, list);
  }
  const order = [...groups.map((g) => fileNames.get(g.file)!), SHARED_MODELS];
  const groupOf = new Map(groups.map((g) => [fileNames.get(g.file)!, g.file]));
  const files = order
    .filter((file) => byFile.has(file))
    .map((file): ModelFile => {
      const names = byFile.get(file)!.sort(byName);
      const sharedImports = new Set<string>();
      const runtimeTypes = new Set<string>();
      for (const n of names) {
        const r = refs.get(n)!;
        for (const x of r.models) if (file !== SHARED_MODELS && fileOf.get(x) === SHARED_MODELS) sharedImports.add(x);
        for (const x of r.runtime) runtimeTypes.add(x);
      }
      return Object.freeze({ file, group: groupOf.get(file), models: Object.freeze(names), sharedImports: Object.freeze([...sharedImports].sort(byName)), runtimeTypes: Object.freeze([...runtimeTypes].sort(byName)) });
    });
  return Object.freeze({ files: Object.freeze(files), fileOf });
}

/**
 * The model file of each group: its own file name, unless that is `shared` or `index` (taken
 * by the split itself), then with `-api` appended (and a number if that is taken too).
 */
export function modelFileNames(groupFiles: readonly string[]): Map<string, string> {
  const taken = new Set([SHARED_MODELS, 'index', ...groupFiles.map((f) => f.toLowerCase())]);
  const out = new Map<string, string>();
  for (const f of groupFiles) {
    if (f.toLowerCase() !== SHARED_MODELS && f.toLowerCase() !== 'index') {
      out.set(f, f);
      continue;
    }
    let name = `${f}-api`;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${f}-api-${i}`;
    taken.add(name.toLowerCase());
    out.set(f, name);
  }
  return out;
}

/** The models (by `$ref`) and runtime types (binary → `Uploadable`) a schema's type refers to. */
function references(s: Schema, nameOf: (id: string) => string | undefined): { models: string[]; runtime: string[] } {
  const models = new Set<string>();
  let binary = false;
  // every node of every model is visited here: no child arrays are built on the way
  const walk = (n: Schema): void => {
    switch (n.kind) {
      case 'ref': {
        const name = nameOf(n.target);
        if (name !== undefined) models.add(name);
        return;
      }
      case 'binary':
        binary = true;
        return;
      case 'array':
        if (n.prefixItems) for (const m of n.prefixItems) walk(m);
        walk(n.items);
        return;
      case 'object':
        for (const p of n.properties) walk(p.schema);
        if (n.additional) walk(n.additional);
        return;
      case 'union':
      case 'intersection':
        for (const m of n.members) walk(m);
        return;
      default:
        return;
    }
  };
  walk(s);
  return { models: models.size > 1 ? [...models].sort(byName) : [...models], runtime: binary ? [UPLOADABLE] : [] };
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
