/**
 * The generated package's `CHANGELOG.md`: one entry per regeneration that changed the
 * package, newest on top, written from what this generation found (the version bump and its
 * reasons, renames and the aliases kept for them, aliases dropped, exports removed, changed,
 * added, deprecated). Deterministic: no dates, lists sorted, long lists shortened the same way
 * every time. Earlier entries are kept as they are.
 */
import { markdownCode, markdownInline } from '../escape/index.js';
import type { DroppedAlias, AliasPlan } from '../lock/aliases.js';
import type { Rename } from '../lock/renames.js';
import type { KeptName } from '../lock/swaps.js';
import type { ExportChange, Verdict } from '../judge/types.js';

export const CHANGELOG_FILE = 'CHANGELOG.md';

const TITLE = '# Changelog';
const INTRO = 'Every regeneration of this package that changed it, newest first. Written by oagen.';
/** at most this many names per list; the rest are counted */
const MAX_LIST = 50;

export interface EntryInput {
  version: string;
  previousVersion: string;
  /** the API the package was generated from: title and `info.version` */
  api: { title: string; version: string };
  verdict: Verdict;
  renames: Rename[];
  plan: AliasPlan;
  /** schemas the spec renamed (swapped names) whose generated names were kept */
  kept?: KeptName[];
  /** the version was pinned by the config (not computed from the change) */
  pinned: boolean;
  /** aliases are dropped at the next major version (else kept until names are reset) */
  untilMajor: boolean;
}

/** The body of one entry (without its `## version` heading). */
export function entryBody(input: EntryInput): string {
  const { verdict, plan } = input;
  const parts: string[] = [];
  const kind = verdict.semver === 'major' ? 'Major' : verdict.semver === 'minor' ? 'Minor' : 'Patch';
  const from = input.previousVersion === input.version ? '' : ` (from ${markdownCode(input.previousVersion)})`;
  parts.push(
    `${kind} change${from}, generated from ${markdownInline(input.api.title)} ${markdownCode(input.api.version)}${input.pinned ? ' (version set in the config)' : ''}: ${verdict.reasons.map(markdownInline).join('; ')}.`,
  );

  const aliased = new Set(plan.added.map((a) => a.name));
  const renamed = input.renames.flatMap((r) => r.names.map((n) => ({ ...n, kept: aliased.has(n.old) })));
  const kept = renamed.filter((n) => n.kept);
  if (kept.length > 0) {
    parts.push(section('Renamed', `The old names stay exported as deprecated aliases of the new ones${input.untilMajor ? ' until the next major version' : ''}:`, kept.map((n) => `${markdownCode(n.old)} → ${markdownCode(n.new)}`)));
  }
  const lost = plan.lost.map((l) => `${markdownCode(l.name)} → ${markdownCode(newName(input.renames, l.name) ?? '?')}: no alias, ${markdownCode(l.name)} now names ${l.by.startsWith('#') || /^[A-Z]+ \//.test(l.by) ? markdownCode(l.by) : 'another export'}`);
  const reused = new Set(plan.reused.map((r) => r.name));
  const plain = renamed.filter((n) => !n.kept && !reused.has(n.old) && !plan.lost.some((l) => l.name === n.old) && !plan.aliases.some((a) => a.name === n.old));
  const lostAll = [...lost, ...plain.map((n) => `${markdownCode(n.old)} → ${markdownCode(n.new)}`)];
  if (lostAll.length > 0) parts.push(section('Renamed without an alias', 'Code using these old names must move to the new ones:', lostAll));
  if (plan.reused.length > 0) {
    parts.push(
      section(
        'Names that now mean another type',
        'These names stayed with their place in the spec, but the type they named moved to another name:',
        plan.reused.map((r) => `the type named ${markdownCode(r.name)} before is now ${markdownCode(r.now)}; ${markdownCode(r.name)} names another type`),
      ),
    );
  }
  if (input.kept && input.kept.length > 0) {
    parts.push(
      section(
        'Names kept',
        'The spec swapped these schemas\' names; the generated names stay with the types they named, so existing code compiles and means the same (the spec names now differ from the TypeScript names):',
        input.kept.map((k) => `${markdownCode(k.name)}: the spec renamed it from ${markdownCode(k.specBefore)} to ${markdownCode(k.specNow)} (${markdownCode(k.id)})`),
      ),
    );
  }
  if (plan.dropped.length > 0) parts.push(section('Deprecated aliases removed', '', plan.dropped.map(droppedLine)));

  const oldNames = new Set(renamed.map((n) => n.old));
  const newNames = new Set(renamed.map((n) => n.new));
  const droppedNames = new Set(plan.dropped.map((d) => d.alias.name));
  const of = (c: ExportChange['change'], skip: Set<string> = new Set()) => verdict.exports.filter((e) => e.change === c && !skip.has(e.name));
  const detail = (e: ExportChange) => `${markdownCode(e.name)}${e.detail ? `: ${markdownInline(e.detail)}` : ''}`;
  const gone = of('removed', new Set([...oldNames, ...droppedNames]));
  const removed = gone.filter((e) => !e.movedTo);
  if (removed.length > 0) parts.push(section('Removed', '', removed.map((e) => markdownCode(e.name))));
  for (const to of [...new Set(gone.flatMap((e) => (e.movedTo ? [e.movedTo] : [])))].sort()) {
    const moved = gone.filter((e) => e.movedTo === to);
    parts.push(
      section(
        `Moved to ${markdownCode(to)}`,
        `The package's root no longer exports these; import them from ${markdownCode(to)}${to.endsWith('/internal') ? ', which is not a public API (it may change in any release)' : ''}:`,
        moved.map((e) => markdownCode(e.name)),
      ),
    );
  }
  const entry = verdict.entryPoints;
  if (entry && entry.removed.length > 0) parts.push(section('Entry points removed', '', entry.removed.map(entryPointLine)));
  const incompatible = of('incompatible');
  if (incompatible.length > 0) parts.push(section('Changed incompatibly', 'Code written against the previous version may not compile:', incompatible.map(detail)));
  if (entry && entry.added.length > 0) parts.push(section('Entry points added', '', entry.added.map(entryPointLine)));
  const added = of('added', newNames);
  if (added.length > 0) parts.push(section('Added', '', added.map((e) => markdownCode(e.name))));
  const compatible = of('compatible', oldNames);
  if (compatible.length > 0) parts.push(section('Changed compatibly', '', compatible.map((e) => markdownCode(e.name))));
  const deprecated = of('deprecated', oldNames);
  if (deprecated.length > 0) parts.push(section('Deprecated', '', deprecated.map((e) => markdownCode(e.name))));
  const docs = of('docs');
  if (docs.length > 0) parts.push(section('Documentation', '', docs.map((e) => markdownCode(e.name))));
  return parts.join('\n\n');
}

/** `openai-admin/zod` → `` `openai-admin/zod` ``; `bin openai-admin-mcp` → the command `openai-admin-mcp` */
function entryPointLine(e: string): string {
  return e.startsWith('bin ') ? `the command ${markdownCode(e.slice(4))}` : markdownCode(e);
}

function newName(renames: Rename[], old: string): string | undefined {
  for (const r of renames) for (const n of r.names) if (n.old === old) return n.new;
  return undefined;
}

function droppedLine(d: DroppedAlias): string {
  const a = d.alias;
  const what = `${markdownCode(a.name)} (alias of ${markdownCode(a.target)} since ${markdownCode(a.since)})`;
  switch (d.why) {
    case 'expired':
      return `${what}: kept until this major version`;
    case 'target-removed':
      return `${what}: ${markdownCode(a.target)} was removed`;
    case 'shadowed':
      return `${what}: the name now belongs to another export`;
    case 'disabled':
      return `${what}: aliases are turned off in the config`;
    case 'reset':
      return `${what}: names were reset (\`--reset-names\`)`;
    case 'live-again':
      return `${what}: ${markdownCode(a.name)} is the export's own name again`;
  }
}

function section(title: string, intro: string, all: string[]): string {
  const items = [...new Set(all)];
  const shown = items.slice(0, MAX_LIST).map((i) => `- ${i}`);
  if (items.length > MAX_LIST) shown.push(`- … and ${items.length - MAX_LIST} more`);
  return `### ${title}\n\n${intro ? `${intro}\n\n` : ''}${shown.join('\n')}`;
}

/**
 * The new CHANGELOG.md: the entry on top of the previous file's entries. When the top entry
 * already has this version (a version pinned in the config), the new text goes on top of
 * that entry instead of repeating its heading.
 */
export function mergeChangelog(previous: string | undefined, version: string, body: string): string {
  const heading = `## ${version}`;
  const lines = (previous ?? '').replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.startsWith('## '));
  if (previous === undefined || first < 0) return `${TITLE}\n\n${INTRO}\n\n${heading}\n\n${body}\n`;
  const head = lines.slice(0, first).join('\n').trimEnd();
  const rest = lines.slice(first);
  if (rest[0].trim() === heading) {
    const tail = rest.slice(1).join('\n').replace(/^\n+/, '');
    return `${head}\n\n${heading}\n\n${body}\n\n${tail.trimEnd()}\n`;
  }
  return `${head}\n\n${heading}\n\n${body}\n\n${rest.join('\n').trimEnd()}\n`;
}
