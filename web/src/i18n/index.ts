import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { en, type Words } from "./en";
import { ru } from "./ru";

export type Language = "en" | "ru";

export const languages: Record<Language, Words> = { en, ru };

export type { Words };

export interface LanguageState {
  readonly language: Language;
  readonly words: Words;
}

export const LanguageContext = createContext<LanguageState>({ language: "en", words: en });

export function useWords(): LanguageState {
  return useContext(LanguageContext);
}
