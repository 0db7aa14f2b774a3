/**
 * What every docs page needs to know about the others: where each model and operation is
 * documented, how to link to a README section, and the client facts examples start from.
 */
import type { OperationKey } from '../../ir/types.js';
import { anchorLink } from './anchors.js';
import type { ClientFacts } from './client.js';
import type { ErrorLinks, ResponseRow } from './operation.js';
import type { TypeContext } from '../../view/printer.js';

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
  /** what this docs run remembers (created once per run: see DocsCache) */
  cache: DocsCache;
}

/**
 * What one docs run (renderDocs) remembers of text shared by many pages, written through
 * its link resolver: created once per run and passed down in the DocsContext, emptied by
 * useLinks whenever the run starts resolving links differently (the README, then the API
 * docs, then the model pages), so nothing written for one stage is reused in another, and
 * nothing outlives the run.
 */
export class DocsCache {
  /** readmeLinkOf: `from` + section → link */
  readmeLinks = new Map<string, string>();
  /** the response table rows of tables.ts, by their response key */
  responseRows = new Map<string, ResponseRow>();
  /** the README links every operation's "Errors and retries" shares (operation.ts) */
  errorLinks: ErrorLinks | undefined;
  /** the footer of every model page (model.ts) */
  modelFooter: string | undefined;

  /** Forget what was written through the previous link resolver. */
  linksChanged(): void {
    this.readmeLinks = new Map();
    this.responseRows = new Map();
    this.errorLinks = undefined;
    this.modelFooter = undefined;
  }
}

/** Resolve links from now on with `resolveLinks` (and `linkTo`, when given): the cache follows. */
export function useLinks(dc: DocsContext, resolveLinks: DocsContext['resolveLinks'], linkTo?: DocsContext['linkTo']): void {
  dc.resolveLinks = resolveLinks;
  if (linkTo) dc.linkTo = linkTo;
  dc.cache.linksChanged();
}

/** readmeLink, written through dc.resolveLinks (the README's headings are read first). */
export function readmeLinkOf(dc: DocsContext, from: PageDir, section: string): string {
  const links = dc.cache.readmeLinks;
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
