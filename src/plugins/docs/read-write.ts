/**
 * The model page's note on a schema split by readOnly / writeOnly (src/view/read-write.ts):
 * which type requests use and which responses, each linked.
 */
import { codeLink } from './markdown.js';
import type { ModelView } from '../../view/models.js';

/** The note's Markdown, or undefined for a model that is not split; `href` links a model's page. */
export function counterpartNote(view: ModelView, href: (model: string) => string): string | undefined {
  const other = view.counterpart;
  if (!other) return undefined;
  const self = codeLink(view.name, href(view.name));
  const link = codeLink(other.name, href(other.name));
  return other.side === 'request'
    ? `The response side of this schema: responses have ${self} (without the spec's write-only properties); requests take ${link} (without its read-only ones).`
    : `The request side of a schema: requests take ${self} (without the spec's read-only properties); responses have ${link} (without its write-only ones).`;
}
