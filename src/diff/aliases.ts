/**
 * The client verdict when the renames keep their old names: `oagen generate` keeps a
 * deprecated alias for each export the spec renamed (src/lock/aliases.ts), so a rename
 * alone needs a minor release rather than a major one.
 *
 * Done exactly as `oagen generate` would regenerate the old package: the old side's names
 * become a name lock, the new side is named with its pins, renames are found against it
 * (src/lock/renames.ts: same `METHOD /path` with another function name; a schema at
 * another pointer with the same structure), their aliases planned, the new package
 * rendered with them and judged against the old one by the judge `oagen generate` uses
 * (src/judge/). Renames the diff finds by other means (a schema renamed *and* changed) get
 * no alias, as in `oagen generate`.
 */
import { Diagnostics } from '../diagnostics.js';
import { buildPackage, CLIENT_ONLY } from '../plugins/index.js';
import { judgeSurface } from '../judge/surface.js';
import { planAliases } from '../lock/aliases.js';
import { buildLock } from '../lock/format.js';
import { pinnedFromLock } from '../lock/pins.js';
import { detectRenames } from '../lock/renames.js';
import { assignNames } from '../naming/names.js';
import type { Side } from './context.js';
import { renderPackage } from './surface/render.js';
import type { Change, Semver } from './types.js';

export interface AliasImpact {
  /** the recommended bump of the generated package when the old names are kept as aliases */
  semver: Semver;
  reasons: string[];
  /** the deprecated aliases the regenerated package would keep: old name → new name */
  aliases: { name: string; target: string; kind: 'type' | 'value' }[];
}

export function aliasImpact(old: Side, neu: Side): AliasImpact {
  const lock = buildLock(old.ir, old.names, { name: 'client', version: '0.0.0' }, undefined);
  const names = assignNames(neu.ir, new Diagnostics(), pinnedFromLock(lock));
  const renames = detectRenames(lock, neu.ir, names);
  const plan = planAliases({ previous: [], renames, ir: neu.ir, names, version: '0.0.0' }, {});
  if (plan.aliases.length === 0) return { semver: 'none', reasons: [], aliases: [] }; // nothing to keep: the plain verdict holds
  const oldFiles = renderPackage(old.ir, old.names);
  const newFiles = buildPackage(neu.ir, names, { name: 'client', version: '0.0.0', specLabel: 'spec', aliases: plan.aliases }, CLIENT_ONLY).files;
  const verdict = judgeSurface({
    oldFiles,
    newFiles,
    ir: neu.ir,
    names,
    usage: neu.usage,
    old: { ir: old.ir, names: old.names, usage: old.usage },
    renames,
    aliases: plan.aliases,
    lost: plan.lost.map((l) => l.name),
  });
  return { semver: verdict.semver, reasons: verdict.reasons, aliases: plan.aliases.map((a) => ({ name: a.name, target: a.target, kind: a.kind })) };
}

/** Rules whose first symbol is an export's old name and whose second is its new one. */
const RENAMES = new Set(['schema-renamed', 'operation-id-changed']);

/** `mitigation: "alias"` on each rename whose old export name the regenerated package keeps. */
export function markMitigations(changes: Change[], impact: AliasImpact): void {
  const kept = new Set(impact.aliases.map((a) => a.name));
  for (const c of changes) {
    if (RENAMES.has(c.rule) && c.symbols.length === 2 && kept.has(c.symbols[0])) c.mitigation = 'alias';
  }
}
