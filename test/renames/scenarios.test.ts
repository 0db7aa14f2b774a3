/**
 * Spec pairs (test/fixtures/renames/<case>/old.yaml → new.yaml) regenerated into the same
 * folder: code written against the old package (consumer.ts) must compile unchanged
 * against the new one, with deprecation warnings only, and every deprecated alias must be
 * exactly its replacement. Two schemas that swap their names are the exception: their old
 * names now mean other types, so no alias can be kept; that is a major change.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasEquality, aliasesSource, compile, FIXTURES, generate, readLockFile, readOut, workspace } from './helpers.js';

interface Case {
  name: string;
  /** deprecated aliases the new package keeps: old name → new name */
  aliases: Record<string, string>;
  semver: 'major' | 'minor' | 'patch' | 'none';
  version: string;
  /** the old consumer compiles against the new package */
  compiles: boolean;
  /** the old names the consumer uses that are now deprecated */
  deprecated: string[];
}

const cases: Case[] = [
  {
    name: 'schema-renamed',
    aliases: { Conversation2: 'ResponseConversation', ConversationStatus2: 'ResponseConversationStatus' },
    semver: 'minor',
    version: '1.1.0',
    compiles: true,
    deprecated: ['Conversation2', 'ConversationStatus2'],
  },
  {
    name: 'operation-renamed',
    aliases: {
      createServiceAccountKey: 'createProjectServiceAccountApiKey',
      CreateServiceAccountKeyParams: 'CreateProjectServiceAccountApiKeyParams',
      CreateServiceAccountKeyError: 'CreateProjectServiceAccountApiKeyError',
      CreateServiceAccountKeyBody: 'CreateProjectServiceAccountApiKeyBody',
      CreateServiceAccountKeyResponse: 'CreateProjectServiceAccountApiKeyResponse',
      deleteorganizationspendlimit: 'deleteOrganizationSpendLimit',
      DeleteorganizationspendlimitParams: 'DeleteOrganizationSpendLimitParams',
      DeleteorganizationspendlimitError: 'DeleteOrganizationSpendLimitError',
      // `get-spend-limit` → `GetSpendLimit` is no rename: both are `getSpendLimit`
    },
    semver: 'minor',
    version: '1.1.0',
    compiles: true,
    deprecated: [
      'createServiceAccountKey',
      'CreateServiceAccountKeyParams',
      'CreateServiceAccountKeyError',
      'CreateServiceAccountKeyBody',
      'CreateServiceAccountKeyResponse',
      'deleteorganizationspendlimit',
      'DeleteorganizationspendlimitParams',
    ],
  },
  {
    name: 'moved',
    aliases: { GetWidgetResponse: 'Widget', Gadget: 'Device' },
    semver: 'minor',
    version: '1.1.0',
    compiles: true,
    deprecated: ['GetWidgetResponse', 'Gadget'],
  },
  { name: 'swap', aliases: {}, semver: 'major', version: '2.0.0', compiles: false, deprecated: [] },
];

describe.each(cases)('$name', (c) => {
  it('old code keeps compiling against the regenerated package; old names are the new types', async () => {
    const w = workspace();
    const consumer = readFileSync(join(FIXTURES, c.name, 'consumer.ts'), 'utf8');
    const first = await generate(w, { file: join(FIXTURES, c.name, 'old.yaml') });
    expect(first.release.version).toBe('1.0.0');
    expect(compile(w, { 'consumer.ts': consumer })).toEqual({ errors: [], deprecated: [] });

    const second = await generate(w, { file: join(FIXTURES, c.name, 'new.yaml') });
    expect(second.release.verdict?.semver).toBe(c.semver);
    expect(second.release.version).toBe(c.version);
    expect(JSON.parse(readOut(w, 'package.json')).version).toBe(c.version);

    const lock = readLockFile(w);
    expect(Object.fromEntries((lock.aliases ?? []).map((a) => [a.name, a.target]))).toEqual(c.aliases);
    for (const a of lock.aliases ?? []) expect(a.since).toBe(c.version);

    const after = compile(w, { 'consumer.ts': consumer, 'equal.ts': aliasEquality(lock, aliasesSource(w)) });
    if (c.compiles) expect(after.errors).toEqual([]);
    else {
      expect(after.errors.length).toBeGreaterThan(0);
      expect(after.errors.every((e) => e.startsWith('/w/consumer.ts'))).toBe(true);
    }
    expect(after.deprecated).toEqual(c.deprecated.map((n) => `'${n}' is deprecated.`).sort());

    // every alias: in src/aliases.ts with its JSDoc, in the README, in the CHANGELOG
    const changelog = readOut(w, 'CHANGELOG.md');
    expect(changelog).toMatch(new RegExp(`^## ${c.version.replace(/\./g, '\\.')}$`, 'm'));
    const readme = readOut(w, 'README.md');
    for (const [old, now] of Object.entries(c.aliases)) {
      expect(readOut(w, 'src/aliases.ts')).toContain(`/** @deprecated Renamed to {@link ${now}} in ${c.version}. */\nexport `);
      expect(changelog).toContain(`\`${old}\` → \`${now}\``);
      expect(readme).toMatch(new RegExp(`\\| \`${old}\` \\| \\w+ \\| \`${now}\` \\| \`${c.version.replace(/\./g, '\\.')}\` \\|`));
    }
    if (Object.keys(c.aliases).length === 0) expect(readme).not.toContain('## Deprecated aliases');
  });

  it('regenerating from the same spec changes nothing', async () => {
    const w = workspace();
    await generate(w, { file: join(FIXTURES, c.name, 'old.yaml') });
    await generate(w, { file: join(FIXTURES, c.name, 'new.yaml') });
    const again = await generate(w, { file: join(FIXTURES, c.name, 'new.yaml') });
    expect(again.release.verdict?.semver).toBe('none');
    expect(again.release.version).toBe(c.version);
    expect(again.write?.written).toEqual([]);
    expect(again.write?.removed).toEqual([]);
  });
});
