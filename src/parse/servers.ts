/** Server Objects (OpenAPI 3.x §4.8.5–4.8.6) → IR servers: of the document, a path or an operation. */
import type { Server } from '../ir/types.js';
import { isObject, sortedKeys } from './context.js';

export function parseServers(raw: unknown): Server[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).flatMap((s) => {
    if (typeof s.url !== 'string') return [];
    const server: Server = { url: s.url };
    if (typeof s.description === 'string') server.description = s.description;
    if (isObject(s.variables)) {
      server.variables = {};
      for (const name of sortedKeys(s.variables)) {
        const v = s.variables[name];
        if (!isObject(v)) continue;
        server.variables[name] = {
          default: String(v.default ?? ''),
          ...(Array.isArray(v.enum) ? { enum: v.enum.map(String) } : {}),
          ...(typeof v.description === 'string' ? { description: v.description } : {}),
        };
      }
    }
    return [server];
  });
}
