/**
 * The one home of escaping: every string from a spec reaches generated code, docs, the
 * CHANGELOG or a diff report through exactly one of these functions.
 *
 * - typescript.ts: identifiers, property and object literal keys, string and template
 *   literals, JSDoc
 * - literal.ts:    JSON-ish values as literal types and expressions
 * - markdown.ts:   prose, inline prose, table cells, code spans and blocks, and
 *   the one code fence rule (CommonMark 0.31 §4.5)
 */
export {
  generalDocLines,
  generalStringLiteral,
  identifier,
  isIdentifierName,
  jsDoc,
  jsDocLines,
  objectLiteralKey,
  propertyKey,
  stringLiteral,
  templateLiteralText,
} from './typescript.js';
export { literalExpression, literalValue } from './literal.js';
export {
  closesFence,
  generalMarkdownCode,
  generalMarkdownTableCell,
  generalMarkdownText,
  isPlainCode,
  markdownCell,
  markdownCode,
  markdownCodeBlock,
  markdownInline,
  markdownTableCell,
  markdownText,
  openingFence,
  type Fence,
} from './markdown.js';
