/**
 * Render the generated package of one side in memory, from its IR and names, the way
 * `oagen generate` would (no include filter, no name lock unless the names carry one).
 * Labels that differ between the sides for no user-visible reason (the spec path in file
 * headers, the package version) are fixed, so only real differences remain.
 */
import { buildPackage, CLIENT_ONLY } from '../../plugins/index.js';
import type { ApiIR } from '../../ir/types.js';
import type { Names } from '../../naming/names.js';

export function renderPackage(ir: ApiIR, names: Names): Map<string, string> {
  return buildPackage(ir, names, { name: 'client', version: '0.0.0', specLabel: 'spec' }, CLIENT_ONLY).files;
}

