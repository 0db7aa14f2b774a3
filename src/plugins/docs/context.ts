/**
 * What every docs page needs to know about the others: where each model and operation is
 * documented, how to link to a README section, and the client facts examples start from.
 */
import type { OperationKey } from '../../ir/types.js';
import { anchorLink } from './anchors.js';
import type { ClientFacts } from './client.js';
import type { TypeContext } from '../client/type-expr.js';

/** Where a page lives, relative to the package root: links are written relative to it. */
export type PageDir = '' | 'docs/' | 'docs/models/';

export interface DocsContext {
  packageName: string;
  types: TypeContext;
  facts: ClientFacts;
  /** operation → its API doc (`UsersApi`) and function name */
  operations: Map<OperationKey, { doc: string; fn: string }>;
  /** the README has these optional sections */
  readme: { pagination: boolean; streaming: boolean };
  /**
   * Writes the link markers of oagen-built text whose target pages are already read (see
   * AnchorIndex); other markers are kept for resolveAnchors.
   */
  resolveLinks: (markdown: string) => string;
  /**
   * A link destination to the heading `id` of `page`, written as `href` (and `#slug`): what
   * resolveLinks makes of anchorLink(page, id, href), without the marker once `page` is read.
   */
  linkTo: (page: string, id: string, href: string) => string;
}

const readmeLinks = new WeakMap<DocsContext['resolveLinks'], Map<string, string>>();

/** readmeLink, written through dc.resolveLinks (the README's headings are read first). */
export function readmeLinkOf(dc: DocsContext, from: PageDir, section: string): string {
  let links = readmeLinks.get(dc.resolveLinks);
  if (!links) readmeLinks.set(dc.resolveLinks, (links = new Map()));
  const key = `${from}\u0001${section}`;
  let link = links.get(key);
  if (link === undefined) {
    link = dc.resolveLinks(readmeLink(from, section));
    links.set(key, link);
  }
  return link;
}

const UP: Record<PageDir, string> = { '': '', 'docs/': '../', 'docs/models/': '../../' };

export function modelHref(from: PageDir, name: string): string {
  return from === 'docs/models/' ? `${name}.md` : `${from === '' ? 'docs/' : ''}models/${name}.md`;
}

export function apiHref(from: PageDir, doc: string): string {
  return from === 'docs/' ? `${doc}.md` : from === '' ? `docs/${doc}.md` : `../${doc}.md`;
}

export function readmeHref(from: PageDir): string {
  return from === '' ? 'README.md' : `${UP[from]}README.md`;
}

/** Anchor ids of headings. */
export const ids = {
  operation: (key: OperationKey) => `op:${key}`,
  section: (key: OperationKey, title: string) => `op:${key}:${title}`,
  readme: (section: string) => `readme:${section}`,
  scheme: (name: string) => `readme:auth:${name}`,
};

/** A link destination to a README section (`errors`, `auth:<scheme>`, …). */
export function readmeLink(from: PageDir, section: string): string {
  return anchorLink('README.md', ids.readme(section), from === '' ? '' : readmeHref(from));
}

/** operationLink, written through dc.linkTo. */
export function operationLinkOf(dc: DocsContext, from: PageDir, doc: string, key: OperationKey): string {
  return dc.linkTo(`docs/${doc}.md`, ids.operation(key), apiHref(from, doc));
}

/** A link destination to an operation's heading in its API doc. */
export function operationLink(from: PageDir, doc: string, key: OperationKey): string {
  return anchorLink(`docs/${doc}.md`, ids.operation(key), apiHref(from, doc));
}
