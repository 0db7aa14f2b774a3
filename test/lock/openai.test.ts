/**
 * OpenAI's spec, renamed the way its own history renames things: component schemas go from
 * `Foo-2` to `ResponseFoo`, operationIds are respelled (`Getorganizationspendlimit` →
 * `GetOrganizationSpendLimit`: a new function name; `usage-costs` → `UsageCosts`: the same
 * one). Generated with the admin subset of oagen.config.json (`/organization/` paths;
 * ~130 schemas, ~100 operations), regenerated across the rename: a program naming every
 * export of the old package still compiles against the new one.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasEquality, aliasesSource, compile, everyExport, generate, packageFiles, readLockFile, readOut, workspace } from './helpers.js';

const SPEC = readFileSync(join(import.meta.dirname, '../../specs/openai.yaml'), 'utf8');
const include = { paths: ['/organization/'] };

/** Component schemas renamed: `AuditLogActor` (referenced by `AuditLog`, refers to `AuditLogActorApiKey`), an enum, a request body type… */
const SCHEMAS = ['AuditLogActor', 'AuditLogActorApiKey', 'AuditLogEventType', 'Invite', 'ProjectServiceAccount'];
/** operationIds respelled: [old, new, whether the function name changes] */
const OPERATIONS: [string, string, boolean][] = [
  ['Getorganizationspendlimit', 'GetOrganizationSpendLimit', true],
  ['Getprojectspendlimit', 'GetProjectSpendLimit', true],
  ['usage-costs', 'UsageCosts', false],
];

function renameSchema(text: string, from: string, to: string): string {
  let count = 0;
  const out = text
    .replace(new RegExp(`^    ${from}:$`, 'gm'), () => (count++, `    ${to}:`))
    .replace(new RegExp(`#/components/schemas/${from}(["'])`, 'g'), (_, q: string) => (count++, `#/components/schemas/${to}${q}`));
  if (count < 2) throw new Error(`schema ${from} not found in the spec`);
  return out;
}

function renameOperation(text: string, from: string, to: string): string {
  const line = new RegExp(`^(\\s+operationId: )${from}$`, 'm');
  if (!line.test(text)) throw new Error(`operationId ${from} not found in the spec`);
  return text.replace(line, `$1${to}`);
}

const oldSpec = SCHEMAS.reduce((t, s) => renameSchema(t, s, `${s}-2`), SPEC);
const newSpec = OPERATIONS.reduce((t, [from, to]) => renameOperation(t, from, to), SCHEMAS.reduce((t, s) => renameSchema(t, s, `Response${s}`), SPEC));

describe('OpenAI admin API, renamed', () => {
  it('every old export still resolves; the rename is a minor release whose CHANGELOG names every alias', async () => {
    const w = workspace({ include });
    const first = await generate(w, { text: oldSpec });
    const oldLock = readLockFile(w);
    for (const s of SCHEMAS) expect(Object.values(oldLock.schemas).map((e) => e.name)).toContain(`${s}2`);
    const firstFiles = packageFiles(w);
    const program = everyExport(oldLock, firstFiles);
    // error types exist only for operations that declare a typed error body
    const oldApi = [...firstFiles].filter(([path]) => path.startsWith('src/api/')).map(([, text]) => text).join('\n');
    expect(compile(w, { 'consumer.ts': program }).errors).toEqual([]);

    const second = await generate(w, { text: newSpec });
    expect(second.release.verdict?.semver).toBe('minor');
    expect(second.release.version).toBe(bump(first.release.version));
    const lock = readLockFile(w);
    const aliases = Object.fromEntries((lock.aliases ?? []).map((a) => [a.name, a.target]));
    const wanted: Record<string, string> = {};
    for (const s of SCHEMAS) wanted[`${s}2`] = `Response${s}`;
    for (const [from, to, renamed] of OPERATIONS) {
      if (!renamed) continue;
      const [was, now] = [from, to].map((id) => id[0].toLowerCase() + id.slice(1).replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
      wanted[was] = now;
      wanted[`${was[0].toUpperCase()}${was.slice(1)}Params`] = `${now[0].toUpperCase()}${now.slice(1)}Params`;
      const error = `${was[0].toUpperCase()}${was.slice(1)}Error`;
      if (oldApi.includes(`\nexport type ${error} =`)) wanted[error] = `${now[0].toUpperCase()}${now.slice(1)}Error`;
    }
    expect(aliases).toEqual(wanted);

    const after = compile(w, { 'consumer.ts': program, 'equal.ts': aliasEquality(lock, aliasesSource(w)) });
    expect(after.errors).toEqual([]);
    expect(after.deprecated).toEqual(Object.keys(wanted).map((n) => `'${n}' is deprecated.`).sort());

    const changelog = readOut(w, 'CHANGELOG.md');
    for (const [old, now] of Object.entries(wanted)) expect(changelog).toContain(`- \`${old}\` → \`${now}\``);
    expect(changelog).not.toMatch(/### (Removed|Changed incompatibly)/);
    const readme = readOut(w, 'README.md');
    for (const [old, now] of Object.entries(wanted)) expect(readme).toMatch(new RegExp(`\\| \`${old}\` \\| \\w+ \\| \`${now}\` \\|`));

    const again = await generate(w, { text: newSpec });
    expect(again.release.verdict?.semver).toBe('none');
    expect(again.write?.written).toEqual([]);
  }, 180_000);
});

function bump(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}
