/**
 * The rule engine: two normalized IRs → the list of changes. Order of work:
 * document and security schemes; operations paired by identity (then renamed path
 * parameters, then operationId) and compared (facts, security, parameters, body,
 * responses), which queues the named-schema pairs met through `$ref`s; unused named
 * schemas are queued too; the queue is drained (each pair once per direction); last,
 * component schemas added, removed and renamed.
 */
import { Diagnostics } from '../diagnostics.js';
import type { ApiIR } from '../ir/types.js';
import { assignNames, type Names, type PinnedNames } from '../naming/names.js';
import { DiffContext, indexSide } from './context.js';
import type { RawSide } from './raw.js';
import { compareDocument } from './rules/document.js';
import { compareOperationFacts, pairOperations, reportAddedRemoved } from './rules/operations.js';
import { compareParameters } from './rules/parameters.js';
import { compareRequestBody } from './rules/request-body.js';
import { compareResponses } from './rules/responses.js';
import { compareNamed } from './rules/schema/compare.js';
import './rules/schema/rules.js';
import { compareComponentSchemas, queueUnusedSchemas } from './rules/schemas.js';
import { compareOperationSecurity, compareSecuritySchemes } from './rules/security.js';
import { compareWebhooks } from './rules/webhooks.js';
import type { Change } from './types.js';

export interface EngineOptions {
  /** names of the old package (default: the naming stage on the old IR) */
  oldNames?: Names;
  /** names of the new package (default: the naming stage on the new IR, with `pinned`) */
  newNames?: Names;
  /** names pinned for the new package (a name lock) */
  pinned?: PinnedNames;
  /** both specs as written (JSON Schema keywords the IR does not keep: src/diff/raw.ts) */
  raw?: { old?: RawSide; new?: RawSide };
  /** the client generates response enums open (config `enums.responses: "open"`) */
  openEnums?: boolean;
}

export interface EngineResult {
  changes: Change[];
  oldNames: Names;
  newNames: Names;
  ctx: DiffContext;
}

export function diffIR(old: ApiIR, neu: ApiIR, options: EngineOptions = {}): EngineResult {
  const oldNames = options.oldNames ?? assignNames(old, new Diagnostics());
  const newNames = options.newNames ?? assignNames(neu, new Diagnostics(), options.pinned);
  const ctx = new DiffContext(indexSide(old, oldNames, options.raw?.old), indexSide(neu, newNames, options.raw?.new), options.openEnums === true);

  compareDocument(ctx);
  compareSecuritySchemes(ctx);
  const ops = pairOperations(ctx);
  reportAddedRemoved(ctx, ops);
  for (const [o, n] of ops.pairs) {
    compareOperationFacts(ctx, o, n);
    compareOperationSecurity(ctx, o, n);
    compareParameters(ctx, o, n);
    compareRequestBody(ctx, o, n);
    compareResponses(ctx, o, n);
  }
  compareWebhooks(ctx);
  queueUnusedSchemas(ctx);
  ctx.drain((o, n, site) => compareNamed(ctx, o, n, site));
  compareComponentSchemas(ctx);
  const changes = ctx.changes();
  // webhook payloads have no generated TypeScript
  for (const c of changes) if (c.pointer.startsWith('#/webhooks/')) c.symbols = [];
  return { changes, oldNames, newNames, ctx };
}
