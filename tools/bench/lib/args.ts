/** Tiny `--flag value` / `--flag=value` / `--switch` parser shared by the bench and corpus scripts. */

export type FlagKind = 'string' | 'number' | 'boolean' | 'list';

export interface FlagSpec {
  kind: FlagKind;
  help: string;
}

export type ParsedFlags = Record<string, string | number | boolean | string[] | undefined>;

export class UsageError extends Error {}

export function parseFlags(argv: readonly string[], specs: Record<string, FlagSpec>): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown flag --${name}`);
    if (spec.kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
      continue;
    }
    let value: string | undefined = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (spec.kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} needs a non-negative number, got "${value}"`);
      out[name] = n;
    } else if (spec.kind === 'list') {
      out[name] = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    } else {
      out[name] = value;
    }
  }
  return out;
}

export function usage(command: string, specs: Record<string, FlagSpec>): string {
  const lines = [`usage: ${command} [flags]`];
  for (const [name, spec] of Object.entries(specs)) {
    const value = spec.kind === 'boolean' ? '' : spec.kind === 'list' ? ' a,b' : spec.kind === 'number' ? ' N' : ' VALUE';
    lines.push(`  --${name}${value}`.padEnd(24) + spec.help);
  }
  return lines.join('\n');
}
