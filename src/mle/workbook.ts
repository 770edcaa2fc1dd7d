/**
 * The errata workbook of source 000 (nguyen-tutorial/15): which errata of the 000 inventory (§5.2, E01–E69, plus those
 * topics add) are registered, grouped by the tutorial's parts, shown side by side without breaking when some topic has
 * not registered its errata yet.
 */
import { listErrata, errataRows } from '../errata';
import { show } from '../display/plotly';
import { barChart } from '../display/figures';
import { markdown } from '../display/rich';
import { showErrata } from '../errata';

const id3 = (n: number) => `000-E${String(n).padStart(2, '0')}`;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => id3(a + i));

/** The parts of the tutorial and the inventory's errata ids of each (000 inventory §5.2). */
export const ERRATA_000_PARTS: { part: string; ids: string[] }[] = [
  { part: '§1 foundations (BASICS)', ids: range(1, 10) },
  { part: '§2 normalizing flows (FLOW)', ids: [...range(11, 25), '000-E66', '000-E70'] },
  { part: '§2 pixel density, RNN, LSTM (AR)', ids: range(26, 31) },
  { part: '§3 VAE (VAE-A)', ids: [...range(32, 40), '000-E67', '000-E68'] },
  { part: '§3 Boltzmann, annealing, BM/RBM (MC, EBM)', ids: range(41, 53) },
  { part: '§4 GAN (GAN-A)', ids: range(54, 59) },
  { part: 'A1 backpropagation, A2 information (BASICS)', ids: range(60, 65) },
  { part: '§5 conclusions', ids: ['000-E69'] },
];

/** The MAJOR errata the 000 inventory's NB15 plan asks one cell for. */
export const MAJOR_000 = ['E05', 'E06', 'E07', 'E09', 'E12', 'E13', 'E15', 'E16', 'E19', 'E20', 'E24', 'E26', 'E31', 'E33', 'E35', 'E41', 'E43', 'E49', 'E56', 'E57', 'E58', 'E62'].map((e) => `000-${e}`);

/** Which of the given ids are registered and which are still missing. */
export function errataStatus(ids: string[]): { registered: string[]; missing: string[] } {
  if (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string')) throw new TypeError(`errataStatus: ids must be an array of erratum ids (got ${JSON.stringify(ids)})`);
  const have = new Set(listErrata().map((e) => e.id));
  return { registered: ids.filter((i) => have.has(i)), missing: ids.filter((i) => !have.has(i)) };
}

/** Show the registered errata among `ids` (side by side: source form, exact form, demonstrated values) and name the missing ones. */
export function showErrataIfRegistered(ids: string[], heading?: string): { registered: string[]; missing: string[] } {
  const st = errataStatus(ids);
  if (heading) markdown(`**${heading}** — ${st.registered.length} of ${ids.length} registered`);
  if (st.registered.length) showErrata(st.registered);
  if (st.missing.length) markdown(`_Not registered yet (their topic's notebook adds them):_ ${st.missing.join(', ')}`);
  return st;
}

/** Bar chart: registered vs not-yet-registered errata per part of the tutorial (plus any extra registered ids). */
export function errataCoverageFigure() {
  const rows = ERRATA_000_PARTS.map((p) => ({ part: p.part, ...errataStatus(p.ids) }));
  return barChart(
    [
      { labels: rows.map((r) => r.part), values: rows.map((r) => r.registered.length), name: 'registered' },
      { labels: rows.map((r) => r.part), values: rows.map((r) => r.missing.length), name: 'not yet registered' },
    ],
    { mode: 'stack', title: 'Errata of source 000 by part', yLabel: 'errata' },
  );
}

/** Registered 000 errata that are not in the inventory's list (found by the topics). */
export function extraErrata000(): string[] {
  const listed = new Set(ERRATA_000_PARTS.flatMap((p) => p.ids));
  return errataRows({ source: '000' }).map((r) => r.id).filter((i) => !listed.has(i));
}

