// The person form's state and its two ways: from a stored profile, and to the document the API reads. The API
// is the one validator: what the caseworker typed is sent as typed (a number that is not one goes as text), so
// its problem lists every mistake, and errorsByField puts each message beside the input of its path.
import type { Schemas } from "../api/client";

export interface BanRow { country: string; from: string; until: string }
export interface OccupationRow { isco: string; years: string }
export interface LanguageRow { code: string; level: string }

export interface ProfileForm {
  externalRef: string;
  displayName: string;
  citizenship: string;
  status: "returningMigrant" | "refugee";
  fledCountries: string;
  voluntaryRepatriation: boolean;
  homeCountry: string;
  homeCity: string;
  homeLat: string;
  homeLon: string;
  bans: BanRow[];
  occupations: OccupationRow[];
  skills: string;
  licences: string;
  languages: LanguageRow[];
  availableFrom: string;
  relocationWilling: boolean;
  relocationCountries: string;
  minWageAmount: string;
  minWageCurrency: string;
  consent: boolean;
  consentGivenOn: string;
}

export function emptyForm(today: string, country: string): ProfileForm {
  return {
    externalRef: "", displayName: "", citizenship: country, status: "returningMigrant", fledCountries: "",
    voluntaryRepatriation: false, homeCountry: country, homeCity: "", homeLat: "", homeLon: "", bans: [],
    occupations: [{ isco: "", years: "" }], skills: "", licences: "", languages: [], availableFrom: "",
    relocationWilling: false, relocationCountries: "", minWageAmount: "", minWageCurrency: "", consent: false,
    consentGivenOn: today,
  };
}

export function formOf(p: Schemas["StoredProfile"]): ProfileForm {
  return {
    externalRef: p.externalRef, displayName: p.displayName, citizenship: p.citizenship, status: p.status,
    fledCountries: p.fledCountries.join(", "), voluntaryRepatriation: p.voluntaryRepatriation,
    homeCountry: p.home.country, homeCity: p.home.city, homeLat: numberText(p.home.lat), homeLon: numberText(p.home.lon),
    bans: p.bans.map((b) => ({ country: b.country, from: b.from ?? "", until: b.until ?? "" })),
    occupations: p.occupations.map((o) => ({ isco: o.isco, years: String(o.years) })),
    skills: p.skills.join(", "), licences: p.licences.join(", "),
    languages: p.languages.map((l) => ({ code: l.code, level: l.level })),
    availableFrom: p.availableFrom ?? "", relocationWilling: p.relocation.willing ?? false,
    relocationCountries: (p.relocation.countries ?? []).join(", "),
    minWageAmount: numberText(p.minMonthlyWage?.amount), minWageCurrency: p.minMonthlyWage?.currency ?? "",
    consent: p.consent.dataProcessing, consentGivenOn: p.consent.givenOn,
  };
}

/** The profile document of the form: optional parts left empty are left out. */
export function documentOf(form: ProfileForm): Schemas["Profile"] {
  const refugee = form.status === "refugee";
  const wage = form.minWageAmount.trim() !== "" || form.minWageCurrency.trim() !== "";
  // Numbers that do not parse are sent as typed, so that the API says what it expected (see above).
  const document = {
    externalRef: form.externalRef.trim(),
    displayName: form.displayName.trim(),
    citizenship: form.citizenship.trim(),
    status: form.status,
    ...(refugee ? { fledCountries: list(form.fledCountries), voluntaryRepatriation: form.voluntaryRepatriation } : {}),
    home: {
      country: form.homeCountry.trim(),
      city: form.homeCity.trim(),
      ...(form.homeLat.trim() !== "" ? { lat: numberOrText(form.homeLat) } : {}),
      ...(form.homeLon.trim() !== "" ? { lon: numberOrText(form.homeLon) } : {}),
    },
    bans: form.bans.map((b) => ({
      country: b.country.trim(), from: b.from === "" ? null : b.from, until: b.until === "" ? null : b.until,
    })),
    occupations: form.occupations.map((o) => ({ isco: o.isco.trim(), years: numberOrText(o.years) })),
    skills: list(form.skills),
    licences: list(form.licences),
    languages: form.languages.map((l) => ({ code: l.code.trim(), level: l.level.trim() })),
    availableFrom: form.availableFrom === "" ? null : form.availableFrom,
    relocation: { willing: form.relocationWilling, countries: list(form.relocationCountries) },
    minMonthlyWage: wage ? { amount: numberOrText(form.minWageAmount), currency: form.minWageCurrency.trim() } : null,
    consent: { dataProcessing: form.consent, givenOn: form.consentGivenOn },
  };
  return document as unknown as Schemas["Profile"];
}

/** Every input's path, as the API names the field it fills. */
export function fieldPaths(form: ProfileForm): string[] {
  return [
    "externalRef", "displayName", "status", "citizenship",
    ...(form.status === "refugee" ? ["fledCountries", "voluntaryRepatriation"] : []),
    "home.country", "home.city", "home.lat", "home.lon",
    ...form.bans.flatMap((_, i) => [`bans[${i}].country`, `bans[${i}].from`, `bans[${i}].until`]),
    ...form.occupations.flatMap((_, i) => [`occupations[${i}].isco`, `occupations[${i}].years`]),
    "skills", "licences",
    ...form.languages.flatMap((_, i) => [`languages[${i}].code`, `languages[${i}].level`]),
    "availableFrom", "relocation.willing", "relocation.countries",
    "minMonthlyWage.amount", "minMonthlyWage.currency", "consent.dataProcessing", "consent.givenOn",
  ];
}

export interface PlacedErrors {
  /** Messages by the path of the input they belong beside. */
  readonly byField: ReadonlyMap<string, readonly string[]>;
  /** Messages no input holds (about the whole document), with the API's path. */
  readonly elsewhere: readonly (readonly [string, string])[];
}

/**
 * Puts each of the problem's messages beside an input: the input of its path; else, for an item of a list
 * written in one input (skills[2]) or a part with inputs inside (home, bans[0]), the nearest input that holds it.
 */
export function placeErrors(errors: Record<string, string[]> | undefined, paths: readonly string[]): PlacedErrors {
  const byField = new Map<string, string[]>();
  const elsewhere: [string, string][] = [];
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const target = inputFor(normalise(path), paths);
    for (const message of messages) {
      if (target === null) {
        elsewhere.push([path, message]);
      } else {
        byField.set(target, [...(byField.get(target) ?? []), message]);
      }
    }
  }
  return { byField, elsewhere };
}

function inputFor(path: string, paths: readonly string[]): string | null {
  for (let candidate: string | null = path; candidate !== null; candidate = parent(candidate)) {
    if (paths.includes(candidate)) {
      return candidate;
    }
    const child = paths.find((p) => p.startsWith(candidate + ".") || p.startsWith(candidate + "["));
    if (child !== undefined) {
      return child;
    }
  }
  return null;
}

/** A path of one profile sent alone never starts with an index, but a batch's does: "[0].home" is "home". */
function normalise(path: string): string {
  return path.replace(/^\$\.?/, "").replace(/^\[0\]\.?/, "");
}

function parent(path: string): string | null {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut > 0 ? path.slice(0, cut) : null;
}

function list(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter((s) => s !== "");
}

function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
