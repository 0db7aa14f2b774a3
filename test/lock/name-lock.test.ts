/** The name lock: names never move under users' feet when the spec grows. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateClient } from '../../src/generate.js';
import { tempDir } from '../generate/helpers.js';

const spec = (schemas: string) => `openapi: 3.1.0
info: { title: T, version: 1.0.0 }
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/user' }
components:
  schemas:
${schemas}
`;

async function generate(dir: string, schemas: string) {
  writeFileSync(join(dir, 'spec.yaml'), spec(schemas));
  await generateClient({ name: 'p', spec: join(dir, 'spec.yaml'), output: join(dir, 'out') });
  // the model files (src/models/<group>.ts, shared.ts), one after the other
  const models = join(dir, 'out/src/models');
  return readdirSync(models)
    .sort()
    .map((f) => readFileSync(join(models, f), 'utf8'))
    .join('\n');
}

describe('name lock', () => {
  it('a new schema that collides never renames the existing export', async () => {
    const dir = tempDir();
    // `user` is named `User`. Then `User` (which would win: its spec name is exactly `User`) appears.
    const first = await generate(dir, '    user: { type: object, properties: { id: { type: string } } }');
    expect(first).toMatch(/export interface User \{\n\s+id\?: string;/);
    const second = await generate(dir, '    user: { type: object, properties: { id: { type: string } } }\n    User: { type: object, properties: { other: { type: integer } } }');
    expect(second).toMatch(/export interface User \{\n\s+id\?: string;/);
    expect(second).toMatch(/export interface User2 \{\n\s+other\?: number;/);
  });

  it('without the lock, the same spec names by the collision rule', async () => {
    const dir = tempDir();
    const fresh = await generate(dir, '    user: { type: object, properties: { id: { type: string } } }\n    User: { type: object, properties: { other: { type: integer } } }');
    expect(fresh).toMatch(/export interface User \{\n\s+other\?: number;/);
  });
});
