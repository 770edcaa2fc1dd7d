/** A small command-line parser: `--flag`, `--opt value`, `--opt=value`, repeated options, positionals. */

/** Parsed arguments of one command. */
export interface ParsedArgs {
  positional: string[];
  /** Option values by name (repeated options keep every value). */
  options: Map<string, string[]>;
  /** Boolean flags that were given. */
  flags: Set<string>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parse `argv` for a command that takes the boolean `flags` and the valued `options`. An unknown `--name` or a missing
 * value is a UsageError that names it.
 */
export function parseArgs(argv: string[], spec: { flags?: string[]; options?: string[] }): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  const fl = new Set(spec.flags ?? []);
  const op = new Set(spec.options ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '--') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (fl.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value (got ${JSON.stringify(a)})`);
      flags.add(name);
      continue;
    }
    if (!op.has(name)) {
      const known = [...fl, ...op].map((n) => `--${n}`).join(', ');
      throw new UsageError(`unknown option --${name}${known ? ` (options: ${known})` : ''}`);
    }
    let value: string | undefined;
    if (eq !== -1) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, options, flags };
}

/** The last value of an option, or `fallback`. */
export function opt(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const v = args.options.get(name);
  return v && v.length ? v[v.length - 1] : fallback;
}

/** A numeric option > 0. */
export function numOpt(args: ParsedArgs, name: string, fallback: number): number {
  const v = opt(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a number > 0 (got ${JSON.stringify(v)})`);
  return n;
}
