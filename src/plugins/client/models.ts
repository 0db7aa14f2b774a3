/**
 * One model's template view, for the `model` partial (templates/src/partials/model.hbs) in
 * `src/models.ts`, from its facts (src/view/models.ts): `interface` for objects, `type` for
 * everything else, plus an `as const` list of values for enums.
 */
import type { ModelView } from '../../view/models.js';
import { docView, type DocView, type MemberView } from '../../view/printer.js';
import type { MemberTemplateView } from './operations.js';

export interface ModelTemplateView {
  /** the model's facts (src/view/models.ts) */
  facts: ModelView;
  name: string;
  doc: DocView;
  /** an interface's members ([] for a type alias) */
  members: MemberTemplateView[];
  /** an interface's index signature type, or false */
  index: string | false;
  /** a type alias's type, or false */
  type: string | false;
  /** the type starts with a line break (a long union, one member per line) */
  broken: boolean;
  /** an enum's values as literals: `inline` when the list fits on its line (joined), else `lines`, one value each */
  values: false | { inline: string | false; lines: string[] };
}

export function modelTemplateView(m: ModelView): ModelTemplateView {
  const type = m.type ?? false;
  return {
    facts: m,
    name: m.name,
    doc: docView(m.doc, ''),
    members: (m.members ?? []).map(memberTemplateView),
    index: m.index ?? false,
    type,
    broken: type !== false && type.charCodeAt(0) === 10,
    values: m.values ? valueList(m.name, m.values) : false,
  };
}

export function memberTemplateView(x: MemberView): MemberTemplateView {
  return { doc: docView(x.doc, '  '), readonly: x.readonly, key: x.key, optional: x.optional, type: x.type, broken: x.type.charCodeAt(0) === 10 };
}

/** `export const Name = [a, b] as const;` when it fits in 100 columns, else one value per line. */
function valueList(name: string, values: readonly string[]): { inline: string | false; lines: string[] } {
  const inline = values.join(', ');
  return 28 + name.length + inline.length <= 100 ? { inline, lines: [] } : { inline: false, lines: values as string[] };
}
