/**
 * A class roster: a CSV file with a header row and at least an `id` column (`name` and `email` optional, other columns
 * ignored). Ids name the students' folders, so they must be safe as folder names and unique. Quoted fields ("a, b",
 * "say ""hi""") and CRLF line ends are accepted; errors name the line.
 */
import * as fs from 'fs';

/** One student of the roster. */
export interface RosterEntry {
  id: string;
  name?: string;
  email?: string;
}

/** Split one CSV line into fields (RFC 4180 quoting). */
function fields(line: string, lineNo: number, file: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cur += ch;
      i++;
      continue;
    }
    if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
      i++;
      continue;
    }
    if (ch === ',') {
      out.push(cur.trim());
      cur = '';
      i++;
      continue;
    }
    cur += ch;
    i++;
  }
  if (quoted) throw new Error(`${file}:${lineNo}: unterminated quoted field`);
  out.push(cur.trim());
  return out;
}

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Parse roster CSV text. */
export function parseRoster(text: string, file = 'roster'): RosterEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new Error(`${file}: the roster is empty (expected a header row with an id column)`);
  const header = fields(lines[first], first + 1, file).map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('id') < 0) throw new Error(`${file}:${first + 1}: the header row has no id column (got: ${header.join(', ')})`);
  const seen = new Map<string, number>();
  const out: RosterEntry[] = [];
  for (let n = first + 1; n < lines.length; n++) {
    if (lines[n].trim() === '') continue;
    const f = fields(lines[n], n + 1, file);
    const id = f[col('id')] ?? '';
    if (!ID_RE.test(id)) throw new Error(`${file}:${n + 1}: id ${JSON.stringify(id)} must be 1–64 letters, digits, '.', '_' or '-' (it names the student's folder)`);
    if (seen.has(id)) throw new Error(`${file}:${n + 1}: id ${JSON.stringify(id)} appears twice (also on line ${seen.get(id)})`);
    seen.set(id, n + 1);
    const e: RosterEntry = { id };
    if (col('name') >= 0 && f[col('name')]) e.name = f[col('name')];
    if (col('email') >= 0 && f[col('email')]) e.email = f[col('email')];
    out.push(e);
  }
  if (out.length === 0) throw new Error(`${file}: the roster lists no students (only a header row)`);
  return out;
}

/** Read and parse a roster file. */
export function readRoster(file: string): RosterEntry[] {
  if (!fs.existsSync(file)) throw new Error(`roster ${file} not found`);
  return parseRoster(fs.readFileSync(file, 'utf8'), file);
}
