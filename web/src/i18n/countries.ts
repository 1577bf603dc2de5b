// The states of the region where openings are matched, as seeds/countries.json names them: the app's
// choices of country, and the names it shows for their codes (any other code is shown as it is).
export const regionCountries = {
  AF: { en: "Afghanistan", ru: "Афганистан" },
  AM: { en: "Armenia", ru: "Армения" },
  AZ: { en: "Azerbaijan", ru: "Азербайджан" },
  BY: { en: "Belarus", ru: "Беларусь" },
  CN: { en: "China", ru: "Китай" },
  GE: { en: "Georgia", ru: "Грузия" },
  IR: { en: "Iran", ru: "Иран" },
  KG: { en: "Kyrgyzstan", ru: "Кыргызстан" },
  KZ: { en: "Kazakhstan", ru: "Казахстан" },
  PK: { en: "Pakistan", ru: "Пакистан" },
  RU: { en: "Russia", ru: "Россия" },
  TJ: { en: "Tajikistan", ru: "Таджикистан" },
  TM: { en: "Turkmenistan", ru: "Туркменистан" },
  TR: { en: "Türkiye", ru: "Турция" },
  US: { en: "United States", ru: "США" },
  UZ: { en: "Uzbekistan", ru: "Узбекистан" },
} as const;

export type RegionCountry = keyof typeof regionCountries;

export const regionCountryCodes = Object.keys(regionCountries) as RegionCountry[];

export function countryName(code: string, language: "en" | "ru"): string {
  return code in regionCountries ? regionCountries[code as RegionCountry][language] : code;
}
