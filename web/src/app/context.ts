import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Words } from "../i18n";
import { isProblem, type Api } from "./api";
import type { Session } from "./session";

export interface AppState {
  readonly session: Session;
  readonly api: Api;
  /** Ends the session (a key that stopped working also ends it). */
  readonly signOut: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (state === null) {
    throw new Error("useApp outside a signed-in page.");
  }
  return state;
}

/** What to tell the caseworker when a call failed: the problem's own words, or why nothing came back. */
export function failure(words: Words, error: unknown, status: number): string {
  if (status === 401) {
    return words.problemSignedOut;
  }
  return isProblem(error) ? words.problemServer(status, error.detail) : words.problemNetwork;
}

/** Today as yyyy-MM-dd in the browser's time zone: what "in force" means on the caseworker's screen. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
