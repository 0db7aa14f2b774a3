/** Schema builders the normalize passes' table tests share. */
import type { Schema } from '../../src/ir/types.js';

export const p = '#';
export const str: Schema = { kind: 'string', pointer: p };
export const int: Schema = { kind: 'number', integer: true, pointer: p };
export const nul: Schema = { kind: 'null', pointer: p };
export const ref = (name: string): Schema => ({ kind: 'ref', target: `#/components/schemas/${name}`, pointer: p });
export const union = (keyword: 'oneOf' | 'anyOf', ...members: Schema[]): Schema => ({ kind: 'union', keyword, members, pointer: p });
export const obj = (props: Record<string, Schema>, required: string[] = []): Schema => ({
  kind: 'object',
  properties: Object.keys(props)
    .sort()
    .map((name) => ({ name, required: required.includes(name), schema: props[name] })),
  pointer: p,
});

/** Drop pointers so expectations stay short. */
export function strip(s: Schema): unknown {
  return JSON.parse(JSON.stringify(s, (k, v) => (k === 'pointer' ? undefined : v)));
}
