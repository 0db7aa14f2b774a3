/** The `zod` plugin's options (`{ "name": "zod", "options": { … } }` in oagen.config.json). */
import { OagenError } from '../../diagnostics.js';

export interface ZodOptions {
  /** emit `zod/mini` (functions, tree-shakable) instead of classic `zod` (methods); default false */
  mini?: boolean;
  /** `"Date"`: validated `date-time` and `date` strings become `Date` objects; default `"string"` */
  dates?: 'string' | 'Date';
}

export function checkOptions(options: unknown): Required<ZodOptions> {
  const o = (options ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'mini' && k !== 'dates') throw optionError(`${k} is not an option of the zod plugin (mini, dates)`);
  if (o.mini !== undefined && typeof o.mini !== 'boolean') throw optionError('zod plugin: mini must be true or false');
  if (o.dates !== undefined && o.dates !== 'string' && o.dates !== 'Date') throw optionError('zod plugin: dates must be "string" or "Date"');
  return { mini: o.mini === true, dates: o.dates === 'Date' ? 'Date' : 'string' };
}

function optionError(message: string): OagenError {
  return new OagenError({ code: 'E_PLUGIN', severity: 'error', message });
}
