/**
 * One regeneration as a release of the generated package, in steps that src/generate.ts
 * runs as its release loop:
 *
 * 1. `startRelease`: renames found against the previous lock, the names kept through swaps,
 *    and the version to render first (the config's, else the previous lock's, else the
 *    first version); `aliases(version)` plans the deprecated aliases kept at a version
 *    (aliases of an earlier major version expire);
 * 2. the package is rendered at that version with its aliases;
 * 3. `judge`: the judge of the exported surface (src/judge/) compares it with the previous
 *    package's files; `version` bumps the previous version by the verdict (or keeps the
 *    config's);
 * 4. when the version moved, the package is rendered again at the new version;
 * 5. `finish`: the CHANGELOG entry and the new lock join the files.
 *
 * An unchanged spec gives the same files, the same version and the same CHANGELOG:
 * regeneration is idempotent.
 */
import { Diagnostics } from '../diagnostics.js';
import type { ApiIR } from '../ir/types.js';
import { judge, type Verdict } from '../judge/index.js';
import { planAliases, type AliasOptions, type AliasPlan } from '../lock/aliases.js';
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

export interface ReleaseSteps {
  /** the version the package is rendered at first */
  provisional: string;
  /** the deprecated aliases the package keeps at a version (diagnostics only when given) */
  aliases(version: string, diagnostics?: Diagnostics): AliasPlan;
  /** the package's files (rendered at `provisional`) against the previous package's; undefined for a first generation */
  judge(files: Map<string, string>): Promise<Verdict | undefined>;
  /** the version a verdict calls for */
  version(verdict: Verdict | undefined): string;
  /** the release: the files with the CHANGELOG entry and the lock added */
  finish(files: Map<string, string>, version: string, verdict: Verdict | undefined): Release;
}

export function startRelease(input: ReleaseInput, diagnostics: Diagnostics): ReleaseSteps {
  const { ir, names, previous } = input;
  const renames = input.reset ? [] : detectRenames(previous, ir, names);
  const kept = input.reset ? [] : keptNames(previous, ir, names, renames);
  for (const k of kept) diagnostics.info('I_NAME_KEPT', `'${k.name}' keeps its name; the spec renamed it from '${k.specBefore}' to '${k.specNow}'`, k.id);
  const aliasOptions = input.aliases ?? {};
  const aliases = (version: string, d: Diagnostics = new Diagnostics()): AliasPlan => {
    if (input.reset) return { aliases: [], added: [], dropped: (previous?.aliases ?? []).map((alias) => ({ alias, why: 'reset' as const })), lost: [], reused: [] };
    return planAliases({ previous: previous?.aliases, renames, ir, names, version }, aliasOptions, d);
  };
  const provisional = input.pinned ?? previous?.version ?? input.first;

  return {
    provisional,
    aliases,
    async judge(files) {
      if (!previous || !input.previousFiles) return undefined;
      const plan = aliases(provisional);
      const verdict = await judge({ oldFiles: input.previousFiles, newFiles: files, ir, names, renames, aliases: plan.aliases, lost: plan.lost.map((l) => l.name) });
      // names kept through a swap change no export, but the spec names behind them changed: a patch
      if (verdict.semver === 'none' && kept.length > 0) return { ...verdict, semver: 'patch', reasons: [`the spec renamed ${kept.length} schema(s) whose generated names were kept`] };
      return verdict;
    },
    version(verdict) {
      if (!previous || !verdict) return provisional;
      return input.pinned ?? bumpVersion(previous.version, verdict.semver);
    },
    finish(files, version, verdict) {
      const plan = aliases(version, diagnostics);
      const previousChangelog = input.previousFiles?.get(CHANGELOG_FILE);
      if (verdict && previous && verdict.semver !== 'none') {
        const body = entryBody({
          version,
          previousVersion: previous.version,
          api: { title: ir.info.title, version: ir.info.version },
          verdict,
          renames,
          plan,
          kept,
          pinned: input.pinned !== undefined,
          untilMajor: aliasOptions.keepUntilMajor !== false,
        });
        files.set(CHANGELOG_FILE, mergeChangelog(previousChangelog, version, body));
        if (version !== previous.version) diagnostics.info('I_VERSION', `${input.packageName} ${previous.version} → ${version} (${verdict.semver}): ${verdict.reasons.join('; ')}`);
      } else if (previousChangelog !== undefined) {
        files.set(CHANGELOG_FILE, previousChangelog);
      }
      files.set(LOCK_FILE, serializeLock(buildLock(ir, names, { name: input.packageName, version }, previous, plan.aliases)));
      return { files, version, ...(previous ? { previousVersion: previous.version } : {}), ...(verdict ? { verdict } : {}), renames, plan, kept };
    },
  };
}
