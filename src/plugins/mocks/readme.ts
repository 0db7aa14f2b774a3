/** The README's "Fake data" section (the `mocks` plugin). */
import type { ApiView } from '../../view/index.js';
import type { ReadmeSection } from '../types.js';
import { fakeOperations, modelFakes } from './operations.js';
import type { MocksOptions } from './render.js';

export function mocksReadme(view: ApiView, options: MocksOptions): ReadmeSection {
  const pkg = view.packageName;
  const model = view.models.find((m) => m.named.schema.kind === 'object') ?? view.models[0];
  const op = fakeOperations(view).find((o) => o.responseFn);
  const lines = [
    `\`${pkg}/mocks\` makes fake data that fits the spec's schemas: \`fake<Model>()\` for every model,`,
    '`fake<Operation>Response()` and `fake<Operation>Params()` for every operation. The same `seed`',
    'gives the same value (the default seed is 1); `overrides` replace what they set.',
    '',
  ];
  if (model || op) {
    lines.push('```ts');
    const imports = [...(model ? [modelFakes(view).get(model.name)!] : []), ...(op ? [op.responseFn!] : [])];
    lines.push(`import { ${imports.join(', ')} } from '${pkg}/mocks';`, '');
    if (model) {
      lines.push(`const a = ${imports[0]}(undefined, { seed: 7 });`, `const b = ${imports[0]}(undefined, { seed: 7 }); // deep-equals a`);
      lines.push(`console.log(a, b);`);
    }
    if (op) lines.push(`console.log(${op.responseFn}());`);
    lines.push('```', '');
  }
  lines.push(
    'Values respect required and optional members, `null`, enums, `const`, discriminated unions (the',
    'tag names the member generated), formats (`date-time`, `email`, `uuid`, `uri`…), length bounds,',
    'ranges, `multipleOf`, `additionalProperties` and `pattern`. Patterns are generated for the common',
    'regular-expression subset (classes, groups, alternation, quantifiers, anchors); past it (look-arounds,',
    'back-references) the value falls back to a plain string of the allowed length, which may not match.',
    "A spec's `example` is used first when it is valid. Past `depth` nested objects (default 3) only",
    'required members are generated, so recursive models end.',
  );
  if (options.faker) lines.push('', 'Strings without a format read like real names, addresses and text: `@faker-js/faker` (a peer dependency) makes them.');
  return { id: 'fake-data', heading: 'Fake data', body: lines.join('\n') };
}
