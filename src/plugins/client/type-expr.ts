/**
 * The package's code side of the one printer (src/view/printer.ts): type expressions in
 * block layout, joined as text. JSDoc helpers are the printer's (re-exported here).
 */
import type { Property, Schema } from '../../ir/types.js';
import { printMembers, printObject, printObjectMembers, printType, typeText, type TypeContext } from '../../view/printer.js';

export { docBlock, hasLiteralTag, schemaDocLines, UPLOADABLE, type TypeContext } from '../../view/printer.js';

export function typeExpr(s: Schema, ctx: TypeContext, indent = ''): string {
  return typeText(printType(s, ctx, 'block', indent));
}

/** The members of a union or enum as separate type expressions (for multi-line layout). */
export function topLevelParts(s: Schema, ctx: TypeContext): string[] | undefined {
  return printMembers(s, ctx, 'block', '  ')?.map(typeText);
}

/** An object type literal, or `Record<string, T>` when it has no declared properties. */
export function objectExpr(properties: readonly Property[], additional: Schema | undefined, ctx: TypeContext, indent: string): string {
  return typeText(printObject(properties, additional, ctx, 'block', indent));
}

/** The members of an object type or interface body, one per line, each with its JSDoc. */
export function objectMembers(properties: readonly Property[], additional: Schema | undefined, ctx: TypeContext, indent: string): string {
  return typeText(printObjectMembers(properties, additional, ctx, indent));
}
