/**
 * Spec pairs (test/fixtures/renames/<case>/old.yaml → new.yaml) regenerated into the same
 * folder: code written against the old package (consumer.ts) must compile unchanged
 * against the new one, with deprecation warnings only, and every deprecated alias must be
 * exactly its replacement. Two schemas that swap their names keep their generated names
 * (src/lock/swaps.ts): old code compiles and its names mean the same types as before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasEquality, aliasesSource, compile, FIXTURES, generate, readLockFile, readModels, readOut, workspace } from './helpers.js';

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
      // no `…Error` alias for the delete: it declares no error body, so neither name exists
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
  // the spec swaps two schemas' names; the generated names stay with the types (no alias needed)
  { name: 'swap', aliases: {}, semver: 'patch', version: '1.0.1', compiles: true, deprecated: [] },
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

describe('swap: the generated names stay with the types', () => {
  /** `Equal<Now.X, Was.Y>` for each pair: the new package's type against the old package's (its src/models/*.ts copied to was.ts). */
  function sameTypes(pairs: [string, string][]): string {
    return [
      `import type * as Now from './out/src/index.js';`,
      `import type * as Was from './was.js';`,
      `type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;`,
      `function same<A, B>(ok: Equal<A, B>): Equal<A, B> { return ok; }`,
      ...pairs.map(([now, was]) => `same<Now.${now}, Was.${was}>(true);`),
      '',
    ].join('\n');
  }

  it('Cat and Dog are the same types as before; the lock records it; the CHANGELOG says so', async () => {
    const w = workspace();
    await generate(w, { file: join(FIXTURES, 'swap', 'old.yaml') });
    const was = readModels(w);
    const second = await generate(w, { file: join(FIXTURES, 'swap', 'new.yaml') });
    expect(second.release.verdict?.semver).not.toBe('major');
    expect(readModels(w)).toBe(was);
    const program = { 'consumer.ts': readFileSync(join(FIXTURES, 'swap', 'consumer.ts'), 'utf8'), 'was.ts': was, 'same.ts': sameTypes([['Cat', 'Cat'], ['Dog', 'Dog']]) };
    expect(compile(w, program).errors).toEqual([]);
    // the check can fail: Cat against the old Dog does not compile
    expect(compile(w, { 'was.ts': was, 'same.ts': sameTypes([['Cat', 'Dog']]) }).errors).not.toEqual([]);

    const lock = readLockFile(w);
    expect(lock.schemas['#/components/schemas/Cat']).toMatchObject({ name: 'Dog', want: 'Cat' });
    expect(lock.schemas['#/components/schemas/Dog']).toMatchObject({ name: 'Cat', want: 'Dog' });
    expect(lock.aliases).toBeUndefined();
    const changelog = readOut(w, 'CHANGELOG.md');
    expect(changelog).toContain('### Names kept');
    expect(changelog).toContain('- `Cat`: the spec renamed it from `Cat` to `Dog` (`#/components/schemas/Dog`)');
    expect(changelog).toContain('- `Dog`: the spec renamed it from `Dog` to `Cat` (`#/components/schemas/Cat`)');
    expect(second.diagnostics.warnings).toEqual([]);

    // swapping back gives the spec's names again, still the same types
    const back = await generate(w, { file: join(FIXTURES, 'swap', 'old.yaml') });
    expect(back.release.verdict?.semver).not.toBe('major');
    expect(readModels(w)).toBe(was);
    expect(readLockFile(w).schemas['#/components/schemas/Cat']).toMatchObject({ name: 'Cat', want: 'Cat' });
  });
});
