// How a person's facts read on screen, shared by the caseload and the person's pages.
import type { Schemas } from "../api/client";
import type { Words } from "../i18n";
import { countryName } from "../i18n/countries";

type Ban = Schemas["EntryBan"];

/** The bans still in force on `day` (a ban's `until` is the day entry is allowed again). */
export function bansInForce(bans: readonly Ban[], day: string): Ban[] {
  return bans.filter((b) =>
    (b.from === null || b.from === undefined || b.from <= day) && (b.until === null || b.until === undefined || b.until > day));
}

export function banText(ban: Ban, words: Words, language: "en" | "ru"): string {
  const country = countryName(ban.country, language);
  return ban.until === null || ban.until === undefined ? words.banForever(country) : words.banUntil(country, ban.until);
}

export function statusText(status: Schemas["PersonStatus"], words: Words): string {
  return status === "refugee" ? words.refugee : words.returningMigrant;
}
