/**
 * The package's model files: `src/models/<group>.ts` per API group with models of its own,
 * `src/models/shared.ts`, and `src/models/index.ts` re-exporting them all (which models go
 * where: src/view/model-files.ts). Each `src/api/<group>.ts` imports its models from its
 * own file and the shared one.
 */
import type { ApiView } from '../../view/index.js';
import { modelLayout, SHARED_MODELS, type ModelLayout } from '../../view/model-files.js';
import { modelTemplateView } from './models.js';
import { importList } from './imports.js';

const layouts = new WeakMap<ApiView, ModelLayout>();

/** The split of the view's models into files (computed once per view). */
export function modelLayoutOf(view: ApiView): ModelLayout {
  let layout = layouts.get(view);
  if (!layout) {
    const names = view.types.names; // request-side (`…Writable`) models included
    layout = modelLayout(
      view.models.map((m) => ({ name: m.name, schema: m.named.schema })),
      view.groups,
      (id) => names.get(id),
    );
    layouts.set(view, layout);
  }
  return layout;
}

/** `src/models/*.ts`. */
export function* modelFiles(view: ApiView, layout: ModelLayout, render: (template: string, data: object) => string): Iterable<readonly [string, string]> {
  const { source } = view;
  const byName = new Map(view.models.map((m) => [m.name, m]));
  for (const f of layout.files) {
    const imports = [
      ...(f.runtimeTypes.length > 0 ? [`import type ${importList([...f.runtimeTypes])} from '../runtime/index.js';`] : []),
      ...(f.sharedImports.length > 0 ? [`import type ${importList([...f.sharedImports])} from './${SHARED_MODELS}.js';`] : []),
    ];
    yield [`src/models/${f.file}.ts`, render('src/models.ts.hbs', { source, group: f.group ?? '', imports, models: f.models.map((n) => modelTemplateView(byName.get(n)!)) })];
  }
  yield ['src/models/index.ts', render('src/models/index.ts.hbs', { source, files: layout.files.map((f) => f.file) })];
}

/** The import lines of an API group's file for the models its operations mention, by the file that declares them. */
export function modelImports(models: ReadonlySet<string>, layout: ModelLayout): string[] {
  const byFile = new Map<string, string[]>();
  for (const name of [...models].sort()) {
    const file = layout.fileOf.get(name);
    if (file === undefined) continue;
    const list = byFile.get(file);
    if (list) list.push(name);
    else byFile.set(file, [name]);
  }
  // the group's own file, then the shared one
  return [...byFile.keys()]
    .sort((a, b) => (a === SHARED_MODELS ? 1 : b === SHARED_MODELS ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map((file) => `import type ${importList(byFile.get(file)!)} from '../models/${file}.js';`);
}
