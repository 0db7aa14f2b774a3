/**
 * The error type of an operation (src/view/operations.ts `errorType`): the union of its error
 * bodies. A body that is itself a union too long for one line is printed broken into lines
 * (`\n  | A\n  | B`); joined to other bodies it is written on one line instead — the whole
 * corpus run found `A | \n  | B` (nexmo.com/messages-olympus), which does not parse.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../generate/helpers.js';
import { tempDir } from '../tmp.js';
import { mustTsc } from '../tsc.js';

const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
const names = Array.from({ length: 12 }, (_, i) => `ErrorNumber${i}WithALongName`);

function spec(errors: Record<string, object>): string {
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 't', version: '1.0.0' },
    paths: {
      '/send': {
        post: {
          operationId: 'send',
          responses: {
            '200': { description: 'ok' },
            ...Object.fromEntries(Object.entries(errors).map(([status, schema]) => [status, { description: 'error', content: { 'application/json': { schema } } }])),
          },
        },
      },
    },
    components: { schemas: { ...Object.fromEntries(names.map((n) => [n, { type: 'object', properties: { [n.toLowerCase()]: { type: 'string' } } }])), Other: { type: 'object', properties: { code: { type: 'string' } } } } },
  });
}

async function errorTypeOf(errors: Record<string, object>): Promise<string> {
  const dir = tempDir('oagen-error-type-');
  writeFileSync(join(dir, 'spec.json'), spec(errors));
  execFileSync('node', [join(ROOT, 'bin/oagen.js'), 'generate', '--spec', 'spec.json', '--out', 'out', '--name', 'pkg'], { cwd: dir, stdio: 'pipe' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'out/node_modules'));
  await mustTsc(['--noEmit', '-p', 'tsconfig.json'], join(dir, 'out'));
  const code = readFileSync(join(dir, 'out/src/api/default.ts'), 'utf8');
  return /export type SendError =([\s\S]*?);\n/.exec(code)![1];
}

describe('error types', () => {
  it('a long union among other bodies: one line, and the package compiles', async () => {
    const type = await errorTypeOf({ '400': { oneOf: names.map(ref) }, '401': ref('Other'), '500': ref('Other') });
    expect(type).not.toContain('\n');
    expect(type.trim()).toBe([...names, 'Other'].join(' | '));
  });

  it('a long union alone: broken into lines as before, and the package compiles', async () => {
    const type = await errorTypeOf({ '400': { oneOf: names.map(ref) } });
    expect(type).toBe(`\n${names.map((n) => `  | ${n}`).join('\n')}`);
  });
});
