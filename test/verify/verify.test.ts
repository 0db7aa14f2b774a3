/** --verify: a package that would not compile is an error before anything is written. */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { OagenError } from '../../src/diagnostics.js';
import { verifyPackage } from '../../src/verify/index.js';
import { FIXTURES, renderSpec } from '../generate/helpers.js';

it('passes a generated package and rejects one with a planted type error', async () => {
  const files = await renderSpec(join(FIXTURES, 'legacy-30.yaml'));
  await expect(verifyPackage(files, 'legacy-30.yaml')).resolves.toBeUndefined();
  files.set('src/planted.ts', `import type { Thing } from './models/index.js';\nexport const t: Thing = { name: 42 };\n`);
  const error = await verifyPackage(files, 'legacy-30.yaml').catch((e) => e);
  expect(error).toBeInstanceOf(OagenError);
  expect((error as OagenError).diagnostics[0]).toMatchObject({ code: 'E_VERIFY', file: 'legacy-30.yaml' });
  expect((error as OagenError).diagnostics[0].message).toMatch(/src\/planted\.ts:2 .*not assignable/);
}, 60_000);
