/**
 * `oagen diff` on renames: the plain verdict (`semver`: the regenerated package without
 * aliases loses the old names, a major change) and the verdict with the aliases
 * `oagen generate` keeps (`semverWithAliases`), with `mitigation: "alias"` on each rename.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSpecs } from '../../src/diff/index.js';
import { jsonReport } from '../../src/diff/report/json.js';
import { FIXTURES } from './helpers.js';
import { tempDir } from '../tmp.js';

const pair = (name: string) => [join(FIXTURES, name, 'old.yaml'), join(FIXTURES, name, 'new.yaml')] as const;

describe('oagen diff with aliases kept', () => {
  const cases: { name: string; semver: string; withAliases: string | undefined; mitigated: string[] }[] = [
    { name: 'schema-renamed', semver: 'major', withAliases: 'minor', mitigated: ['schema-renamed Conversation2', 'schema-renamed ConversationStatus2'] },
    { name: 'operation-renamed', semver: 'major', withAliases: 'minor', mitigated: ['operation-id-changed createServiceAccountKey', 'operation-id-changed deleteorganizationspendlimit'] },
    { name: 'moved', semver: 'major', withAliases: 'minor', mitigated: ['schema-renamed Gadget'] },
    { name: 'swap', semver: 'major', withAliases: undefined, mitigated: [] },
  ];
  it.each(cases)('$name: $semver, $withAliases with aliases', async (c) => {
    const [a, b] = pair(c.name);
    const r = await diffSpecs(a, b);
    expect(r.semver).toBe(c.semver);
    expect(r.semverWithAliases).toBe(c.withAliases);
    expect(r.changes.filter((x) => x.mitigation === 'alias').map((x) => `${x.rule} ${x.symbols[0]}`).sort()).toEqual(c.mitigated);
    const json = JSON.parse(jsonReport(r)) as { semver: string; semverWithAliases?: string; changes: { mitigation?: string }[] };
    expect(json.semver).toBe(c.semver);
    expect(json.semverWithAliases).toBe(c.withAliases);
    expect(json.changes.filter((x) => x.mitigation === 'alias')).toHaveLength(c.mitigated.length);
  });

  it("OpenAI's spec with schemas renamed Foo-2 → ResponseFoo: major without aliases, minor with them", async () => {
    const spec = readFileSync(join(import.meta.dirname, '../../specs/openai.yaml'), 'utf8');
    const rename = (text: string, from: string, to: string) =>
      text.replace(new RegExp(`^    ${from}:$`, 'gm'), `    ${to}:`).replace(new RegExp(`#/components/schemas/${from}(["'])`, 'g'), `#/components/schemas/${to}$1`);
    const schemas = ['AuditLogActor', 'AuditLogActorApiKey', 'Invite', 'ProjectServiceAccount'];
    const dir = tempDir('oagen-renames-diff-');
    writeFileSync(join(dir, 'old.yaml'), schemas.reduce((t, s) => rename(t, s, `${s}-2`), spec));
    writeFileSync(join(dir, 'new.yaml'), schemas.reduce((t, s) => rename(t, s, `Response${s}`), spec));
    const r = await diffSpecs(join(dir, 'old.yaml'), join(dir, 'new.yaml'));
    expect(r.contract.breaking).toBe(0);
    expect(r.semver).toBe('major');
    expect(r.semverWithAliases).toBe('minor');
    const renamed = r.changes.filter((c) => c.rule === 'schema-renamed');
    expect(renamed.map((c) => c.symbols[0]).sort()).toEqual(schemas.map((s) => `${s}2`).sort());
    expect(renamed.every((c) => c.mitigation === 'alias')).toBe(true);
  }, 180_000);
});
