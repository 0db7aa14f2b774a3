/**
 * Normalization: IR → IR, small pure passes in a fixed order. Each pass is idempotent
 * and lives in its own file with its own tests.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { ApiIR, Schema } from '../ir/types.js';
import { mapDocument, mapSchema } from '../ir/walk.js';
import { breakAliasCycles } from './alias-cycles.js';
import { mergeAllOf } from './all-of.js';
import { discriminatedUnions } from './discriminator.js';
import { enumLiterals } from './enums.js';
import { hoistBodies } from './hoist.js';
import { nullable } from './nullable.js';
import { openEnum } from './open-enum.js';
import { flattenUnions } from './unions.js';

export function normalize(ir: ApiIR, diagnostics: Diagnostics): ApiIR {
  const named = new Map<string, Schema>(ir.schemas.map((n) => [n.id, n.schema]));
  // Referenced schemas are cleaned by the other passes before allOf copies their properties.
  const basic = inOrder([nullable, flattenUnions, nullable, openEnum, enumLiterals]);
  const prepare = (s: Schema) => mapSchema(s, basic);
  const allOf = mergeAllOf(named, diagnostics, prepare);
  // One bottom-up walk applies the node passes in order at every node.
  const node = inOrder([nullable, allOf, flattenUnions, nullable, openEnum, enumLiterals, discriminatedUnions(named)]);
  const mapped = mapDocument(ir, node);
  return hoistBodies({ ...mapped, schemas: breakAliasCycles(mapped.schemas, diagnostics) });
}

/**
 * The kinds of node a pass may change. Every pass returns any other node as it is, so
 * those (most nodes: strings, objects, refs …) skip the chain. test/normalize/passes.test.ts
 * holds each pass to that.
 */
export const PASS_KINDS: ReadonlySet<Schema['kind']> = new Set(['union', 'intersection', 'enum']);

/** The passes applied one after the other to a node. */
function inOrder(passes: Array<(s: Schema) => Schema>): (s: Schema) => Schema {
  return (s) => {
    if (!PASS_KINDS.has(s.kind)) return s;
    for (let i = 0; i < passes.length; i++) s = passes[i](s); // runs at every node: no iterator
    return s;
  };
}

export { nullable, mergeAllOf, flattenUnions, openEnum, enumLiterals, discriminatedUnions, hoistBodies };
