/**
 * The package's `src/zod.ts`: helpers, one schema per model (`UserSchema`) in reference order,
 * the operations' schemas, and `validators`. Layout: templates/zod/zod.ts.hbs.
 */
import type { SchemaId } from '../../ir/types.js';
import { render } from '../../emit/templates.js';
import { stringLiteral } from '../../escape/index.js';
import type { ApiView } from '../../view/index.js';
import { CLASSIC, MINI } from './dialect.js';
import { operationSchemas, type OperationSchemas } from './operations.js';
import type { ZodOptions } from './options.js';
import { schemaOrder } from './order.js';
import { zodExpr, type Helper, type ZodContext } from './schema.js';
import { annotateBySize, datedSchemas } from './size.js';

export const ZOD_FILE = 'src/zod.ts';

export interface ZodModule {
  /** the file's content */
  code: string;
  /** model id → its schema's `const` */
  models: ReadonlyMap<SchemaId, string>;
  /** operation key → its schemas' names */
  operations: ReadonlyMap<string, OperationSchemas['names']>;
}

export function renderZod(view: ApiView, options: Required<ZodOptions>): ZodModule {
  const dialect = options.mini ? MINI : CLASSIC;
  const typeNames = view.types.names; // the models as declared, request-side (`UserWritable`) types included
  const schemas = view.types.schemas;
  const constNames = new Map<SchemaId, string>();
  for (const [id, name] of typeNames) if (schemas.has(id)) constNames.set(id, `${name}Schema`);
  const { order, cycles } = schemaOrder(schemas, (id) => typeNames.get(id) ?? id);
  const declared = new Set<SchemaId>();
  const helpers = new Set<Helper>();
  const ctx: ZodContext = { dialect, schemas, constNames, cycles, declared, dates: options.dates === 'Date', helpers };
  const models: string[] = [];
  // schemas whose inferred type is too long to emit (TS7056) are annotated too: size.ts
  const { annotated } = annotateBySize(schemas, order, cycles);
  const dated = ctx.dates && annotated.size > 0 ? datedSchemas(schemas, cycles.keys()) : undefined;
  let typeImport = false;
  for (const id of order) {
    const name = constNames.get(id);
    if (name === undefined) continue;
    const expression = zodExpr(schemas.get(id)!, ctx);
    // a recursive schema's type cannot be inferred from itself: it is the model's (input, with `dates`)
    let annotation = '';
    if (cycles.has(id)) {
      typeImport = true;
      annotation = `: ${dialect.typeName}<${ctx.dates ? `unknown, T.${typeNames.get(id)}` : `T.${typeNames.get(id)}`}>`;
    } else if (annotated.has(id)) {
      // the model type is its output; with `dates` also its input, and where some of it becomes
      // `Date`s (or a recursive schema's `unknown`) its input only, as a recursive one
      typeImport = true;
      const t = `T.${typeNames.get(id)}`;
      annotation = `: ${dialect.typeName}<${!dated ? t : dated.has(id) ? `unknown, ${t}` : `${t}, ${t}`}>`;
    }
    models.push(`export const ${name}${annotation} = ${expression};`);
    declared.add(id);
  }
  const taken = new Set(constNames.values());
  const operations = new Map<string, OperationSchemas['names']>();
  const opDecls: string[] = [];
  let validators = '';
  let validatorTypes = '';
  for (const op of view.operations) {
    const s = operationSchemas(op, ctx, taken);
    operations.set(op.op.key, s.names);
    if (s.declarations.length > 0) opDecls.push(s.declarations.join(''));
    validators += s.entry;
    if (ctx.dates) validatorTypes += responseTypes(op.op.key, s.names.responses);
  }
  const runtimeTypes = helpers.has('upload') ? ['Uploadable'] : [];
  const code = render('zod/zod.ts.hbs', {
    header: view.header,
    module: dialect.module,
    typeImport,
    runtimeTypes: runtimeTypes.length > 0 ? runtimeTypes.join(', ') : '',
    helpers: [...helpers].sort().map((h) => HELPERS[h]),
    models,
    operations: opDecls,
    validators: `{\n${validators}}`,
    validatorTypes: validatorTypes.replace(/\n$/, ''),
  });
  return { code, models: constNames, operations };
}

/** `dates: "Date"`: one operation's member of the `ValidatorTypes` interface (its success responses' schema types), '' when it has none. */
function responseTypes(key: string, responses: Readonly<Record<string, string>>): string {
  const entries = Object.entries(responses).map(([status, name]) => `readonly ${stringLiteral(status)}: typeof ${name}`);
  return entries.length > 0 ? `  readonly ${stringLiteral(key)}: { readonly responses: { ${entries.join('; ')} } };\n` : '';
}

const HELPERS: Record<Helper, string> = {
  unique: '/** `uniqueItems`: no two items are equal (compared as JSON). */\nconst unique = (items: readonly unknown[]) => new Set(items.map((x) => JSON.stringify(x))).size === items.length;',
  upload: '/** A file to upload (`Uploadable`): any object; what it holds is read when the request is sent. */\nconst upload = z.custom<Uploadable>((v) => typeof v === "object" && v !== null);',
};
