/**
 * One model's template view, for the `model` partial (templates/src/partials/model.hbs) in
 * `src/models.ts`, from its facts (src/view/models.ts): `interface` for objects, `type` for
 * everything else, plus an `as const` list of values for enums.
 */
import type { ModelView } from '../../view/models.js';
import { docView, type DocView } from '../../view/printer.js';
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
  /** a long union's or enum's members, one per line (`| A`), or false */
  unionLines: string[] | false;
  /** an enum's values as literals, joined (`"a", "b"`), or false */
  values: string | false;
}

export function modelTemplateView(m: ModelView): ModelTemplateView {
  const type = m.type ?? false;
  return {
    facts: m,
    name: m.name,
    doc: docView(m.doc, ''),
    members: (m.members ?? []).map((x) => ({ doc: docView(x.doc, '  '), readonly: x.readonly, key: x.key, optional: x.optional, type: x.type })),
    index: m.index ?? false,
    type,
    unionLines: type !== false && type.length + m.name.length > 90 && m.unionMembers ? m.unionMembers : false,
    values: m.values ? m.values.join(', ') : false,
  };
}
