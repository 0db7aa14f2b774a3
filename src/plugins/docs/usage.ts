/**
 * Where each model is used, for the model pages' "Used by": the operations that mention it
 * directly, with the role it plays there (parameter, request body, response, streamed
 * event, error response).
 *
 * Noted as each operation's section is written, while its schemas were just read: on a large
 * spec a second walk over every operation cost as much as the noting itself again (the
 * operations' objects are spread over a large heap, out of the processor's caches by then).
 */
import type { Schema } from '../../ir/types.js';
import { compareNames } from './client.js';
import { responseRoles } from './tables.js';
import { schemaModels } from './type-markdown.js';
import type { OperationView } from '../../view/operations.js';
import type { TypeContext } from '../../view/printer.js';

/** Where a model is used: an operation and the role the model plays in it. */
export interface ModelUse {
  /** function name */
  fn: string;
  /** operation key */
  key: string;
  /** its API doc (`UsersApi`) */
  doc: string;
  role: string;
}

export class UsageIndex {
  readonly #uses = new Map<string, ModelUse[]>();
  /** the models of the operation being noted and their roles, in the order found (a few: no map) */
  readonly #models: string[] = [];
  readonly #roles: string[][] = [];
  #sorted = false;

  /** Notes the models operation `v` (documented in the API doc `doc`) mentions. */
  note(v: OperationView, doc: string, types: TypeContext): void {
    const models = this.#models;
    const roles = this.#roles;
    models.length = 0;
    roles.length = 0;
    for (const p of v.params) this.#add(p.param.schema, 'parameter', types);
    if (v.body) for (const m of v.body.media) this.#add(m.schema, 'request body', types);
    for (const s of v.success.schemas) this.#add(s, 'response', types);
    if (v.stream) for (const s of v.stream.shape.schemas) this.#add(s, 'streamed event', types);
    for (const r of responseRoles(v).errors) for (const c of r.contents) this.#add(c.schema, 'error response', types);
    for (let i = 0; i < models.length; i++) {
      const use: ModelUse = { fn: v.names.fn, key: v.op.key, doc, role: roles[i].length === 1 ? roles[i][0] : roles[i].join(', ') };
      const uses = this.#uses.get(models[i]);
      if (uses) uses.push(use);
      else this.#uses.set(models[i], [use]);
    }
  }

  #add(s: Schema, role: string, types: TypeContext): void {
    for (const m of schemaModels(s, types)) {
      const at = this.#models.indexOf(m);
      if (at === -1) {
        this.#models.push(m);
        this.#roles.push([role]);
      } else if (!this.#roles[at].includes(role)) {
        this.#roles[at].push(role);
      }
    }
  }

  /** The uses of `model`, by function name; ask once every operation is noted. */
  of(model: string): ModelUse[] {
    if (!this.#sorted) {
      for (const uses of this.#uses.values()) uses.sort((a, b) => compareNames(a.fn, b.fn));
      this.#sorted = true;
    }
    return this.#uses.get(model) ?? [];
  }
}
