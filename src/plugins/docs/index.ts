/**
 * The `docs` plugin: the package's README.md, docs/<Group>Api.md and docs/models/<Model>.md,
 * from the view (the operation and model views the `client` plugin writes code from).
 */
import { docsAliases } from '../client/aliases.js';
import { renderDocs } from './render.js';
import type { Plugin } from '../types.js';

export const docsPlugin: Plugin = {
  name: 'docs',
  requires: ['client'],
  files(view, ctx) {
    const { options } = view;
    return renderDocs({
      ir: view.ir,
      names: view.names,
      operations: view.operations,
      models: view.models,
      packageName: view.packageName,
      version: view.version,
      ctx: view.types,
      webhooks: view.webhooks,
      aliases: docsAliases(options.aliases ?? []),
      ...(options.env ? { env: options.env } : {}),
      sections: ctx.readme,
      templates: ctx.templates,
    });
  },
};
