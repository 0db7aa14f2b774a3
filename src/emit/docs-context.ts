/**
 * What every docs page needs to know about the others: where each model and operation is
 * documented, the README's anchors, and the client facts examples start from.
 */
import type { OperationKey } from '../ir/types.js';
import type { ClientFacts } from './docs-client.js';
import type { TypeContext } from './type-expr.js';

/** Where a page lives, relative to the package root: links are written relative to it. */
export type PageDir = '' | 'docs/' | 'docs/models/';

export interface ReadmeAnchors {
  /** security scheme name → slug of its section */
  auth: Map<string, string>;
  authentication: string;
  configuration: string;
  errors: string;
  retries: string;
  rawResponses: string;
  pagination?: string;
  streaming?: string;
  apiReference: string;
  models: string;
}

export interface DocsContext {
  packageName: string;
  types: TypeContext;
  facts: ClientFacts;
  readme: ReadmeAnchors;
  /** operation → its API doc (`UsersApi`) and heading anchor there */
  operations: Map<OperationKey, { doc: string; slug: string; fn: string }>;
  /** every model that has a page */
  models: ReadonlySet<string>;
}

const UP: Record<PageDir, string> = { '': '', 'docs/': '../', 'docs/models/': '../../' };

export function modelHref(from: PageDir, name: string): string {
  return from === 'docs/models/' ? `${name}.md` : `${from === '' ? 'docs/' : ''}models/${name}.md`;
}

export function apiHref(from: PageDir, doc: string, slug?: string): string {
  const file = from === 'docs/' ? `${doc}.md` : from === '' ? `docs/${doc}.md` : `../${doc}.md`;
  return slug ? `${file}#${slug}` : file;
}

export function readmeHref(from: PageDir, slug?: string): string {
  const file = from === '' ? '' : `${UP[from]}README.md`;
  return slug ? `${file}#${slug}` : file || 'README.md';
}
