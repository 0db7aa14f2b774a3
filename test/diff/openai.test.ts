/**
 * Real pairs: consecutive versions of OpenAI's spec (../shared/specs/openai/, see its
 * README), with what a careful reviewer finds written down: the contract-breaking changes
 * (counted once per schema node), the warnings, the notable other changes, and the bump the
 * generated TypeScript package needs.
 */
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';

const DIR = '/work/shared/specs/openai';
const S = '#/components/schemas/';

interface Pair {
  old: string;
  new: string;
  breaking: number;
  warning: number;
  semver: 'major' | 'minor' | 'patch' | 'none';
  /** `rule pointer` that must be among the changes */
  includes: string[];
  /** rule → how many changes under it */
  counts?: Record<string, number>;
  /** further checks */
  check?: (r: DiffResult) => void;
}

const BATCH_TIMES = ['cancelled_at', 'cancelling_at', 'completed_at', 'created_at', 'expired_at', 'expires_at', 'failed_at', 'finalizing_at', 'in_progress_at'];

const pairs: Pair[] = [
  {
    old: '2023-01-21-dfaa7b3874',
    new: '2023-02-07-21a10fdbc9',
    breaking: 2,
    warning: 0,
    semver: 'major',
    includes: [`response-property-removed ${S}CreateEditResponse/properties/id`, `response-property-removed ${S}CreateEditResponse/properties/model`],
    check: (r) => {
      for (const c of r.changes) expect(c.operations).toEqual(['POST /edits']);
      expect(r.client?.exports.filter((e) => e.change === 'incompatible').map((e) => e.name)).toEqual(['CreateEditResponse', 'createEdit']);
    },
  },
  {
    old: '2024-04-22-b3f0c9d9de',
    new: '2024-04-23-c17c47972d',
    breaking: 9,
    warning: 0,
    semver: 'major',
    includes: BATCH_TIMES.map((p) => `response-type-changed ${S}Batch/properties/${p}`),
    counts: { 'response-type-changed': 9 },
    check: (r) => {
      // counted once per schema node, with the four batch operations on each
      for (const c of r.changes) expect(c.operations).toEqual(['GET /batches', 'GET /batches/{batch_id}', 'POST /batches', 'POST /batches/{batch_id}/cancel']);
      expect(r.changes.reduce((n, c) => n + c.operations.length, 0)).toBe(36);
      // `required: [bytes]` without a `bytes` property: nothing to report
      expect(r.changes.some((c) => c.pointer.includes('VectorStoreObject'))).toBe(false);
    },
  },
  {
    old: '2023-06-19-a27cad2f60',
    new: '2023-06-19-d9c3021a24',
    breaking: 0,
    warning: 5,
    semver: 'major',
    includes: [
      'operation-removed-after-deprecation #/paths/~1engines/get',
      'operation-removed-after-deprecation #/paths/~1engines~1{engine_id}/get',
      'operation-removed-after-deprecation #/paths/~1engines~1{engine_id}~1search/post',
      'operation-removed-after-deprecation #/paths/~1answers/post',
      'operation-removed-after-deprecation #/paths/~1classifications/post',
      'api-version-changed #/info/version',
    ],
    counts: { 'schema-removed': 8, 'operation-removed-after-deprecation': 5 },
    check: (r) => {
      const removed = r.client!.exports.filter((e) => e.change === 'removed').map((e) => e.name);
      for (const fn of ['listEngines', 'retrieveEngine', 'createSearch', 'createAnswer', 'createClassification']) expect(removed).toContain(fn);
      const schemas = r.changes.filter((c) => c.rule === 'schema-removed').flatMap((c) => c.symbols);
      for (const s of schemas) expect(removed).toContain(s);
      expect(r.changes.find((c) => c.rule === 'api-version-changed')).toMatchObject({ old: '1.3.1', new: '2.0.0' });
    },
  },
  {
    old: '2024-07-19-3b75a74498',
    new: '2024-07-19-2b34e75fe1',
    breaking: 0,
    warning: 3,
    semver: 'major',
    includes: [`response-enum-value-added ${S}VectorStoreFileObject/properties/last_error/properties/code`],
    counts: { 'response-enum-value-added': 3, 'response-enum-value-removed': 4 },
    check: (r) => {
      const bad = r.client!.exports.find((e) => e.name === 'VectorStoreFileObject');
      expect(bad?.change).toBe('incompatible');
      expect(bad?.detail).toMatch(/last_error\.code: "[a-z_]+".* no longer exist/);
    },
  },
  {
    old: '2024-04-29-38c9c20c41',
    new: '2024-04-30-25675d6616',
    breaking: 0,
    warning: 0,
    semver: 'minor',
    includes: ['operation-added #/paths/~1threads~1{thread_id}~1messages~1{message_id}/delete'],
    counts: { 'operation-added': 1, 'request-enum-value-added': 1, 'response-property-added': 1 },
  },
  {
    old: '2026-08-12-11854aef67',
    new: '2026-08-13-f6a8e2fd3a',
    breaking: 0,
    warning: 0,
    semver: 'minor',
    includes: [],
    counts: { 'operation-deprecated': 10 },
    check: (r) => {
      for (const c of r.changes) expect(c.operation).toMatch(/ \/videos/);
      expect(r.client!.exports.filter((e) => e.change === 'deprecated')).toHaveLength(10);
    },
  },
  {
    old: '2026-08-14-aa588811dc',
    new: '2026-08-14-ca34204c10',
    breaking: 0,
    warning: 0,
    semver: 'minor',
    includes: [],
    counts: { 'response-error-status-added': 161 },
    check: (r) => {
      for (const c of r.changes) expect(c.new).toBe('429');
    },
  },
  {
    old: '2026-08-15-2186421dca',
    new: '2026-08-19-06a9404ee8',
    breaking: 2,
    warning: 0,
    semver: 'patch',
    includes: [`response-max-length-increased ${S}CompactionSummaryItemParam/properties/encrypted_content`, `response-max-length-increased ${S}BetaCompactionSummaryItemParam/properties/encrypted_content`],
    counts: { 'response-max-length-increased': 2, 'request-max-length-increased': 2 },
    check: (r) => {
      // the same two nodes, analysed as request data (relaxed: fine) and as response data
      expect(r.changes.filter((c) => c.rule === 'request-max-length-increased').map((c) => c.pointer).sort()).toEqual(r.changes.filter((c) => c.rule === 'response-max-length-increased').map((c) => c.pointer).sort());
      expect(r.client!.exports.every((e) => e.change === 'docs')).toBe(true);
    },
  },
];

describe('OpenAI spec pairs', () => {
  for (const p of pairs) {
    it(`${p.old} → ${p.new}`, { timeout: 240_000 }, async () => {
      const r = await diffSpecs(`${DIR}/${p.old}.yaml`, `${DIR}/${p.new}.yaml`);
      expect({ breaking: r.contract.breaking, warning: r.contract.warning }).toEqual({ breaking: p.breaking, warning: p.warning });
      const got = r.changes.map((c) => `${c.rule} ${c.pointer}`);
      for (const want of p.includes) expect(got).toContain(want);
      for (const [rule, n] of Object.entries(p.counts ?? {})) expect(r.changes.filter((c) => c.rule === rule).length, rule).toBe(n);
      expect(r.semver).toBe(p.semver);
      p.check?.(r);
    });
  }

  it('the same spec twice: no changes, no bump', { timeout: 240_000 }, async () => {
    const r = await diffSpecs(`${DIR}/2026-08-15-2186421dca.yaml`, `${DIR}/2026-08-15-2186421dca.yaml`);
    expect(r.changes).toEqual([]);
    expect(r.semver).toBe('none');
  });

  it('comparing is a small multiple of loading', { timeout: 240_000 }, async () => {
    const r = await diffSpecs(`${DIR}/2026-08-14-aa588811dc.yaml`, `${DIR}/2026-08-14-ca34204c10.yaml`, { types: false });
    expect(r.timings.diff).toBeLessThan(r.timings.load * 2);
  });
});
