/**
 * The `sdk` plugin: a resource-style client class beside the tree-shakable functions
 * (`new OpenAIAdmin({ auth }).groups.users.add(groupId, { user_id })`), in `src/sdk.ts`,
 * exported as `<package>/sdk`. Each method is a thin call of the operation's function, so
 * behaviour (retries, pagination, streams, errors) is the functions'. Options:
 * `{ "className": "OpenAIAdmin", "namespaces": "paths" | "tags" }`. See README.md,
 * "Resource-style client (sdk plugin)".
 */
import { render } from '../../emit/templates.js';
import { jsDocLines, stringLiteral } from '../../escape/index.js';
import type { Plugin } from '../types.js';
import { sdkModel, type SdkNamespace, type SdkOptions } from './model.js';
import { classExample, sdkReadme } from './readme.js';

export const SDK_FILE = 'src/sdk.ts';

export const sdkPlugin: Plugin<SdkOptions> = {
  name: 'sdk',
  requires: ['client'],
  *files(view, ctx) {
    const model = sdkModel(view, ctx.options);
    const ns = (n: SdkNamespace) => ({
      className: n.className,
      label: [model.className, ...n.path].join('.'),
      children: n.children,
      methods: n.methods.map((m) => ({
        name: m.name,
        fn: m.fn,
        args: m.signature.args,
        statements: m.signature.body,
        doc: m.doc.map((l) => (l ? ` ${l}` : '')),
      })),
      aliases: n.aliases.map((a) => ({ name: a.name, since: a.since, target: a.target, targetKey: stringLiteral(a.target), link: `{@link ${n.className}.${a.target}}` })),
    });
    yield [
      SDK_FILE,
      render('sdk/sdk.ts.hbs', {
        header: view.header,
        className: model.className,
        classDoc: jsDocLines(`${view.ir.info.title}, resource by resource: each method calls the function of the same operation.`).join('\n * '),
        exampleLines: classExample(view, model).map((l) => (l ? ` ${jsDocLines(l)[0] ?? ''}` : '')),
        imports: [...model.functions, 'type AuthCredentials', ...model.paramsTypes.map((t) => `type ${t}`)],
        split: model.namespaces.some((n) => n.methods.some((m) => m.signature.split)),
        root: ns(model.root),
        namespaces: model.namespaces.filter((n) => n.path.length > 0).map(ns),
      }),
    ];
  },
  readme(view, ctx) {
    const section = sdkReadme(view, sdkModel(view, ctx.options));
    return [ctx.options.lead ? { ...section, lead: true } : section];
  },
  packageJson() {
    return { exports: { './sdk': { types: './dist/sdk.d.ts', import: './dist/sdk.js' } } };
  },
};
