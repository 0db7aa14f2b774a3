/**
 * The generated package's documentation, all in memory: `README.md`, `docs/<Group>Api.md`
 * per API group and `docs/models/<Model>.md` per model.
 *
 * Linear in the size of the API: each operation and model is visited a fixed number of
 * times, the "used by" / "referenced by" indexes are built in one pass each. Cross-page
 * anchors (src/plugins/docs/anchors.ts): the README is rendered and its headings read first, so
 * the API docs link to it directly; the API docs know their anchors as they are built (their
 * headings are oagen's, in an order this file follows, plus those of the spec prose between
 * them), so nobody reads them again; the README's links to them are written last, and the
 * model pages get their links written directly.
 *
 * Values are computed in TypeScript (view models: ApiPageView here, DocsOperationView in
 * operation.ts, DocsModelView in model.ts, WebhooksPageView in webhooks.ts; the README's in
 * readme.ts); the templates lay out the pages: templates/package/README.md.hbs,
 * templates/docs/api.md.hbs (one per API group, `{{> docs-operation}}` per operation),
 * templates/docs/model.md.hbs (one per model, with the docs-model-* partials) and
 * templates/docs/webhooks.md.hbs. Partials: templates/docs/partials/.
 */
import type { ApiIR, OperationKey } from '../../ir/types.js';
import type { Names } from '../../naming/names.js';
import { AnchorIndex, anchorLink, PageAnchors } from './anchors.js';
import { clientFacts, compareNames } from './client.js';
import { DocsCache, readmeHref, readmeLinkOf, useLinks, type DocsContext } from './context.js';
import { markdownCell as cell, markdownCode, markdownTableCell, markdownText } from '../../escape/index.js';
import { modelPage } from './model.js';
import { UsageIndex } from './usage.js';
import { operationSection, type DocsOperationView } from './operation.js';
import { readmeView, type DeprecatedAlias } from './readme.js';
import { schemaModels } from './type-markdown.js';
import type { ModelView } from '../../view/models.js';
import type { OperationView } from '../../view/operations.js';
import { templateSet, type TemplateSet } from '../../emit/templates.js';
import type { TypeContext } from '../../view/printer.js';
import { webhooksPage } from './webhooks.js';
import type { WebhookEventView } from '../../view/webhooks.js';

export type { DeprecatedAlias };
import type { ReadmeSection } from '../types.js';

export interface DocsInput {
  ir: ApiIR;
  names: Names;
  operations: readonly OperationView[];
  models: readonly ModelView[];
  packageName: string;
  version: string;
  ctx: TypeContext;
  /** the spec's webhooks as events (the view's) */
  webhooks: readonly WebhookEventView[];
  /** renamed exports kept under their old names (the name lock); listed in the README */
  aliases?: DeprecatedAlias[];
  /** config `env`: scheme name or `baseUrl` → environment variable `createClient()` reads */
  env?: Readonly<Record<string, string>>;
  /** README sections the selected plugins contribute */
  sections?: readonly ReadmeSection[];
  /** the templates (default: the built-ins) */
  templates?: TemplateSet;
}

export function renderDocs(input: DocsInput): Map<string, string> {
  const { ir, names } = input;
  const templates = input.templates ?? templateSet();
  const render = (template: string, data: object) => templates.render(template, data);
  const files = new Map<string, string>();
  const views = new Map<OperationKey, OperationView>(input.operations.map((v) => [v.op.key, v]));
  const groups = names.groups.map((g) => ({
    names: g,
    views: g.operations
      .map((op) => views.get(op.key))
      .filter((v): v is OperationView => v !== undefined)
      .sort((a, b) => compareNames(a.names.fn, b.names.fn)),
  }));
  const operations = new Map<OperationKey, { doc: string; fn: string }>();
  for (const g of groups) for (const v of g.views) operations.set(v.op.key, { doc: g.names.doc, fn: v.names.fn });

  const dc: DocsContext = {
    packageName: input.packageName,
    types: input.ctx,
    facts: clientFacts(ir, input.packageName, input.operations.map((v) => v.security), input.env),
    operations,
    readme: {
      pagination: input.operations.some((v) => v.pagination),
      streaming: input.operations.some((v) => v.success.kind === 'sse' || (v.stream && v.names.stream)),
    },
    resolveLinks: (markdown) => markdown,
    linkTo: (page, id, href) => dc.resolveLinks(anchorLink(page, id, href)),
    cache: new DocsCache(),
  };

  // The README first: its headings are read before the API docs link to them.
  const readme = render(
    'package/README.md.hbs',
    readmeView({ ir, packageName: input.packageName, version: input.version, groups, models: input.models.map((m) => m.name), aliases: input.aliases ?? [], webhooks: input.webhooks, sections: input.sections ?? [] }, dc),
  );
  const anchors = new AnchorIndex();
  anchors.read('README.md', readme);
  useLinks(dc, (markdown) => anchors.write('docs/', markdown, true));

  // API docs, one per group, their anchors known as they are built (PageAnchors).
  const apiFooter = `[API reference](${readmeLinkOf(dc, 'docs/', 'api-reference')}) · [Models](${readmeLinkOf(dc, 'docs/', 'models')}) · [README](${readmeHref('docs/')})`;
  const tags = new Map<string, (typeof ir.tags)[number]>();
  for (const t of ir.tags) if (!tags.has(t.name)) tags.set(t.name, t);
  const pending: string[] = [];
  const usage = new UsageIndex();
  for (const g of groups) {
    const path = `docs/${g.names.doc}.md`;
    const tag = g.names.tag === undefined ? undefined : tags.get(g.names.tag);
    const description = [g.names.tag ? `${markdownText(g.names.title)} operations.` : 'Operations without a tag.', tag?.description?.trim() ? markdownText(tag.description.trim()) : '']
      .filter(Boolean)
      .join(' ');
    const api = { path, title: g.names.doc, description, views: g.views, footer: apiFooter };
    let { page, content } = apiDoc(api, dc, render, usage);
    // spec prose left a code fence open: the page is read as a whole, as the reader will
    if (!page.exact) ({ page, content } = apiDoc(api, dc, render));
    page.publish(anchors);
    if (page.pending) {
      anchors.read(path, content);
      pending.push(path);
    }
    files.set(path, content);
  }

  // Every heading a link can name is known now: write the links left as markers, then the
  // model pages with their links written directly (they are most of the docs and have no
  // heading of their own to link to).
  for (const path of pending) files.set(path, anchors.write(path, files.get(path)!));
  const readmeText = anchors.write('README.md', readme);
  useLinks(
    dc,
    (markdown) => anchors.write('docs/models/', markdown),
    (page, id, href) => anchors.link('docs/models/', page, id, href),
  );

  // Model docs, with the indexes of where each model is used.
  const referencedBy = new Map<string, string[]>();
  for (const m of input.models) {
    for (const target of schemaModels(m.named.schema, dc.types)) {
      if (target === m.name) continue;
      const list = referencedBy.get(target);
      if (list) list.push(m.name);
      else referencedBy.set(target, [m.name]);
    }
  }
  for (const m of input.models) {
    files.set(`docs/models/${m.name}.md`, render('docs/model.md.hbs', modelPage(m, dc, usage.of(m.name), referencedBy.get(m.name) ?? [])));
  }
  files.set('README.md', readmeText);
  if (input.webhooks.length > 0) files.set('docs/Webhooks.md', render('docs/webhooks.md.hbs', webhooksPage(ir, input.packageName, input.webhooks)));

  return files;
}

interface ApiDocInput {
  /** `docs/UsersApi.md` */
  path: string;
  title: string;
  /** the page's description (Markdown) */
  description: string;
  views: OperationView[];
  /** the links to the README, after "Back to top" */
  footer: string;
}

/**
 * One API doc. Without `usage` (a second pass, when spec prose left a code fence open), its
 * headings and links are markers for the AnchorIndex; with it, the operations are noted in it.
 */
function apiDoc(api: ApiDocInput, dc: DocsContext, render: (template: string, data: object) => string, usage?: UsageIndex): { page: PageAnchors; content: string } {
  const page = new PageAnchors(api.path, !usage);
  const title = api.title + page.heading(api.title, 'top');
  page.prose(api.description);
  const footer = `[Back to top](${page.link('top')}) · ${api.footer}`;
  const operations: DocsOperationView[] = [];
  const entries = api.views.map((v) => {
    const { entry, section } = operationSection(v, dc, page, footer);
    operations.push(section);
    usage?.note(v, api.title, dc.types);
    return entry;
  });
  const baseUrl = dc.facts.baseUrl;
  const methods = entries.map((e) => {
    const summary = markdownTableCell(e.summary);
    return { fn: cell(`[${markdownCode(e.view.names.fn)}](${e.link})`), http: cell(e.http), summary: e.view.op.deprecated ? `**Deprecated.** ${summary}` : summary || ' ' };
  });
  const own = api.views.some((v) => v.server !== undefined)
    ? ` Operations with their own server (the spec's operation- or path-level ${markdownCode('servers')}) show their full URL and are sent there; the client's ${markdownCode('servers')} option maps such a server to another base URL, and the call option ${markdownCode('baseUrl')} overrides both for one call.`
    : '';
  const server = baseUrl
    ? `All URIs are relative to ${markdownCode(baseUrl)}, the default ${markdownCode('baseUrl')} of ${markdownCode('createClient')}.${own}`
    : `The spec declares no server: pass ${markdownCode('baseUrl')} to ${markdownCode('createClient')}.${own}`;
  const content = render('docs/api.md.hbs', { title, description: api.description, baseUrl: server, methods, operations } satisfies ApiPageView);
  return { page, content };
}

/** What templates/docs/api.md.hbs lays out: one API group's page. */
export interface ApiPageView {
  /** the page's title (with its anchor marker, if any) */
  title: string;
  /** Markdown */
  description: string;
  /** the sentence on the base URL (Markdown) */
  baseUrl: string;
  /** the table of functions: cells (table-safe, a single space when blank; `summary` with its `**Deprecated.**` marker) */
  methods: { fn: string; http: string; summary: string }[];
  /** each operation's section, laid out by the `docs-operation` partial */
  operations: DocsOperationView[];
}
