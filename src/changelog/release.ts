/**
 * One regeneration as a release of the generated package: renames found against the
 * previous lock, the deprecated aliases kept, the version bump judged from the previous
 * package's files (src/judge/), the CHANGELOG entry and the new lock.
 *
 * Order: the package is rendered once at the previous version with every alias that could
 * be kept; the judge compares it with the previous package; the version is bumped (or kept,
 * when the config pins it); when the version changed, the aliases are planned again for it
 * (aliases of an earlier major version expire) and the package is rendered again with it.
 * An unchanged spec gives the same files, the same version and the same CHANGELOG:
 * regeneration is idempotent.
 */
import { Diagnostics } from '../diagnostics.js';
import type { ApiIR } from '../ir/types.js';
import { judge, type Verdict } from '../judge/index.js';
import { planAliases, type AliasOptions, type AliasPlan, type PlannedAlias } from '../lock/aliases.js';
import { buildLock, LOCK_FILE, serializeLock, type Lock } from '../lock/format.js';
import { detectRenames, type Rename } from '../lock/renames.js';
import { keptNames, type KeptName } from '../lock/swaps.js';
import type { Names } from '../naming/names.js';
import { CHANGELOG_FILE, entryBody, mergeChangelog } from './entry.js';
import { bumpVersion } from './version.js';

export interface ReleaseInput {
  packageName: string;
  ir: ApiIR;
  names: Names;
  /** the lock of the package in the output folder, if any */
  previous: Lock | undefined;
  /** that package's files (path → content), if any */
  previousFiles: Map<string, string> | undefined;
  /** `--reset-names`: the previous names and aliases are not carried over */
  reset?: boolean;
  /** the version set in the config, if any */
  pinned?: string;
  /** the version of a first generation (no previous lock) */
  first: string;
  aliases?: AliasOptions;
  /** the package's files for a version and its aliases (no lock, no CHANGELOG) */
  render: (version: string, aliases: readonly PlannedAlias[]) => Map<string, string>;
}

export interface Release {
  files: Map<string, string>;
  version: string;
  previousVersion?: string;
  /** undefined for a first generation */
  verdict?: Verdict;
  renames: Rename[];
  plan: AliasPlan;
  /** schemas the spec renamed (swapped names) whose generated names were kept */
  kept: KeptName[];
}

export async function release(input: ReleaseInput, diagnostics: Diagnostics): Promise<Release> {
  const { ir, names, previous } = input;
  const renames = input.reset ? [] : detectRenames(previous, ir, names);
  const kept = input.reset ? [] : keptNames(previous, ir, names, renames);
  for (const k of kept) diagnostics.info('I_NAME_KEPT', `'${k.name}' keeps its name; the spec renamed it from '${k.specBefore}' to '${k.specNow}'`, k.id);
  const aliasOptions = input.aliases ?? {};
  const plan = (version: string, d?: Diagnostics): AliasPlan => {
    if (input.reset) return { aliases: [], added: [], dropped: (previous?.aliases ?? []).map((alias) => ({ alias, why: 'reset' as const })), lost: [], reused: [] };
    return planAliases({ previous: previous?.aliases, renames, ir, names, version }, aliasOptions, d);
  };

  const provisional = input.pinned ?? previous?.version ?? input.first;
  let aliases = plan(provisional, new Diagnostics());
  let files = input.render(provisional, aliases.aliases);
  let version = provisional;
  let verdict: Verdict | undefined;

  if (previous && input.previousFiles) {
    verdict = await judge({ oldFiles: input.previousFiles, newFiles: files, ir, names, renames, aliases: aliases.aliases, lost: aliases.lost.map((l) => l.name) });
    // names kept through a swap change no export, but the spec names behind them changed: a patch
    if (verdict.semver === 'none' && kept.length > 0) verdict = { ...verdict, semver: 'patch', reasons: [`the spec renamed ${kept.length} schema(s) whose generated names were kept`] };
    version = input.pinned ?? bumpVersion(previous.version, verdict.semver);
    if (version !== provisional) {
      aliases = plan(version, new Diagnostics());
      files = input.render(version, aliases.aliases);
    }
  }
  // once more with the run's diagnostics (the plan is the same)
  aliases = plan(version, diagnostics);

  const previousChangelog = input.previousFiles?.get(CHANGELOG_FILE);
  if (verdict && previous && verdict.semver !== 'none') {
    const body = entryBody({
      version,
      previousVersion: previous.version,
      api: { title: ir.info.title, version: ir.info.version },
      verdict,
      renames,
      plan: aliases,
      kept,
      pinned: input.pinned !== undefined,
      untilMajor: aliasOptions.keepUntilMajor !== false,
    });
    files.set(CHANGELOG_FILE, mergeChangelog(previousChangelog, version, body));
    if (version !== previous.version) diagnostics.info('I_VERSION', `${input.packageName} ${previous.version} → ${version} (${verdict.semver}): ${verdict.reasons.join('; ')}`);
  } else if (previousChangelog !== undefined) {
    files.set(CHANGELOG_FILE, previousChangelog);
  }
  files.set(LOCK_FILE, serializeLock(buildLock(ir, names, { name: input.packageName, version }, previous, aliases.aliases)));
  return { files, version, ...(previous ? { previousVersion: previous.version } : {}), ...(verdict ? { verdict } : {}), renames, plan: aliases, kept };
}
