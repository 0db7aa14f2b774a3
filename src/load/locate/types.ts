/**
 * Finds the source offset of a pointer's target in one text: the key of the last
 * segment for a mapping member, the item itself for a sequence item. When the target
 * does not exist, the nearest existing ancestor, with `exact: false`.
 */
export type TextFinder = (segments: readonly string[]) => { offset: number; exact: boolean };
