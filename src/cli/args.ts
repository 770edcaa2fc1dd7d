/**
 * The command line's option parsing: Node's `util.parseArgs` (strict: unknown options and missing values are
 * errors), with its errors turned into short usage errors that name the option and list the known ones.
 * `--flag`, `--opt value`, `--opt=value`, repeated options, positionals, `--` before positionals that start with '-'.
 */
import { parseArgs as nodeParseArgs } from 'util';

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

/** The option a util.parseArgs error message is about (`'--name'`, `'--name <value>'` or `'-n'`). */
function optionOf(message: string): string {
  const m = /'(--?[\w-]+)/.exec(message);
  return m ? m[1] : '';
}

/**
 * Parse `argv` for a command that takes the boolean `flags` and the valued `options`. An unknown option, a missing
 * value or a value given to a flag is a UsageError that names it. `-h` is short for `--help` when `help` is a flag.
 */
export function parseArgs(argv: string[], spec: { flags?: string[]; options?: string[] }): ParsedArgs {
  const flagNames = spec.flags ?? [];
  const optionNames = spec.options ?? [];
  const config: Record<string, { type: 'boolean' | 'string'; multiple?: boolean; short?: string }> = {};
  for (const f of flagNames) config[f] = { type: 'boolean', ...(f === 'help' ? { short: 'h' } : {}) };
  for (const o of optionNames) config[o] = { type: 'string', multiple: true };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: argv, options: config, strict: true, allowPositionals: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const name = optionOf(err.message);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = [...flagNames, ...optionNames].filter((n) => n !== 'help').map((n) => `--${n}`).join(', ');
      throw new UsageError(`unknown option ${name}${known ? ` (options: ${known})` : ''}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const bare = name.replace(/^-+/, '');
      if (flagNames.includes(bare) || name === '-h') throw new UsageError(`--${bare === 'h' ? 'help' : bare} takes no value`);
      throw new UsageError(`${name} needs a value`);
    }
    throw new UsageError(err.message);
  }
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const [k, v] of Object.entries(parsed.values)) {
    if (Array.isArray(v)) options.set(k, v.map(String));
    else if (v === true) flags.add(k);
  }
  return { positional: parsed.positionals, options, flags };
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
