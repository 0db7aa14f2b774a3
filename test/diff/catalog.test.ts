/**
 * The rule catalogue and its documentation agree: every rule id the engine can report is
 * in src/diff/README.md with its severity, and the schema rules have one severity per
 * direction.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../src/diff/engine.js';
import { allRules, plainRules, schemaRules } from '../../src/diff/rules/registry.js';

const readme = readFileSync(new URL('../../src/diff/README.md', import.meta.url), 'utf8');

describe('rule catalogue', () => {
  it('documents every plain rule with its severity', () => {
    for (const r of plainRules()) expect(readme).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });
  it('documents every schema rule suffix with both severities', () => {
    for (const r of schemaRules()) expect(readme).toContain(`| \`${r.suffix}\` | ${r.write} | ${r.read} |`);
  });
  it('rule ids are unique across plain and schema rules', () => {
    const ids = allRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('unused-schema rules are info', () => {
    for (const r of allRules().filter((x) => x.id.startsWith('schema-') && schemaRules().some((s) => x.id === `schema-${s.suffix}`))) expect(r.severity).toBe('info');
  });
});
