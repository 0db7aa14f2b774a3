/** Generated names must never shadow the runtime's exports: the naming stage's list is complete. */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { Project } from 'ts-morph';
import { RUNTIME_EXPORTS } from '../../src/naming/runtime-exports.js';
import { ROOT } from '../generate/helpers.js';

it('RUNTIME_EXPORTS lists every export of the runtime', () => {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  const index = project.addSourceFileAtPath(join(ROOT, 'templates/runtime/index.ts'));
  project.resolveSourceFileDependencies();
  const exported = [...index.getExportedDeclarations().keys()].sort();
  expect(exported.length).toBeGreaterThan(20);
  expect(exported.filter((name) => !RUNTIME_EXPORTS.includes(name))).toEqual([]);
});
