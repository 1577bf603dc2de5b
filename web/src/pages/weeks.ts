// ISO 8601 weeks (2026-W48), as the API names digests.

/** The ISO week of a day (counted in UTC). */
export function isoWeek(day: Date): string {
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** The given week and the `count - 1` before it, newest first. */
export function previousWeeks(week: string, count: number): string[] {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (match === null) return [];
  // The Thursday of week 1 is in the first days of January; step back from the given week's Thursday.
  const year = Number(match[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const thursday = new Date(jan4.getTime() + ((4 - (jan4.getUTCDay() || 7)) + (Number(match[2]) - 1) * 7) * 86_400_000);
  return Array.from({ length: count }, (_, i) => isoWeek(new Date(thursday.getTime() - i * 7 * 86_400_000)));
}
