/**
 * `--since` / `--at` values: a calendar date (`2026-11-20`, midnight UTC) or an
 * ISO 8601 time (`2026-11-20T14:30`, `…:00Z`, `…+01:00`; no offset means UTC).
 * UTC, not the machine's zone, so the same command gives the same answer on a
 * laptop and in CI.
 */
const DATE_ARG = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The instant a date argument names, or undefined when it is not a valid date. */
export function parseDateArg(value: string): Date | undefined {
  const match = DATE_ARG.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2026-02-30 over to March; a date that does not exist is a typo.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) return undefined;
  return date;
}
