/**
 * Which OpenAPI version a document is: `openapi: 3.0.x` / `3.1.x`, or `swagger: "2.0"`.
 * OpenAPI 3.2 is read as 3.1 (with a warning); anything else is E_VERSION_UNSUPPORTED.
 */
import type { Diagnostics } from '../diagnostics.js';

export type SpecVersion = '2.0' | '3.0' | '3.1';

export type VersionCheck = { version: SpecVersion } | { error: string; code: string };

export function detectVersion(doc: unknown, diagnostics?: Diagnostics): VersionCheck {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    const what = doc === null ? 'empty' : Array.isArray(doc) ? 'a list' : `a ${typeof doc}`;
    return { code: 'E_NOT_OPENAPI', error: `not an OpenAPI document: the top level is ${what}, not a mapping` };
  }
  const d = doc as Record<string, unknown>;
  if (d.openapi !== undefined) {
    const raw = d.openapi;
    if (typeof raw === 'number') {
      // `openapi: 3.0` in YAML is the number 3
      const v = raw === 3 ? '3.0' : raw === 3.1 ? '3.1' : undefined;
      if (v) {
        diagnostics?.warn('W_VERSION_NOT_STRING', `'openapi' should be a string such as "${v}.0", not the number ${raw}`, '#/openapi');
        return { version: v };
      }
    }
    if (typeof raw === 'string') {
      const m = /^3\.(\d+)(\.\d+)?(-[\w.]+)?$/.exec(raw.trim());
      if (m?.[1] === '0') return { version: '3.0' };
      if (m?.[1] === '1') return { version: '3.1' };
      if (m?.[1] === '2') {
        diagnostics?.warn('W_VERSION_NEWER', `OpenAPI ${raw} is read as 3.1; features new in 3.2 are ignored`, '#/openapi');
        return { version: '3.1' };
      }
    }
    return {
      code: 'E_VERSION_UNSUPPORTED',
      error: `unsupported OpenAPI version ${JSON.stringify(raw)}: oagen reads OpenAPI 3.0, 3.1 and Swagger 2.0`,
    };
  }
  if (d.swagger !== undefined) {
    const raw = d.swagger;
    if (raw === '2.0' || raw === '2' || raw === 2) {
      if (typeof raw === 'number') diagnostics?.warn('W_VERSION_NOT_STRING', `'swagger' should be the string "2.0", not the number ${raw}`, '#/swagger');
      return { version: '2.0' };
    }
    return {
      code: 'E_VERSION_UNSUPPORTED',
      error: `unsupported Swagger version ${JSON.stringify(raw)}: oagen reads OpenAPI 3.0, 3.1 and Swagger 2.0`,
    };
  }
  return {
    code: 'E_VERSION_UNSUPPORTED',
    error: `no 'openapi' or 'swagger' field: not an OpenAPI document (oagen reads OpenAPI 3.0, 3.1 and Swagger 2.0)`,
  };
}
