// Who is signed in, kept for this tab only: the key lives in sessionStorage (never localStorage), so it goes
// when the tab closes or the caseworker signs out.
import type { Language } from "../i18n";

export type Role = "centre" | "admin";

export interface Session {
  readonly key: string;
  readonly role: Role;
  readonly centreName: string | null;
  /** The centre's country: a new person's citizenship and home are there until changed. */
  readonly country: string | null;
  readonly language: Language;
}

const storageKey = "reintegration.session";

export function loadSession(): Session | null {
  const stored = sessionStorage.getItem(storageKey);
  if (stored === null) {
    return null;
  }

  try {
    const value = JSON.parse(stored) as Partial<Session>;
    return typeof value.key === "string" && (value.role === "centre" || value.role === "admin")
      ? {
        key: value.key, role: value.role, centreName: value.centreName ?? null, country: value.country ?? null,
        language: value.language === "ru" ? "ru" : "en",
      }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(storageKey);
}
