// The shell: who is signed in, the language on screen, the navigation, and the page of the address.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { languages, LanguageContext, useWords as useWordsOf, type Language } from "../i18n";
import { AdminPage } from "../pages/AdminPage";
import { CaseloadPage } from "../pages/CaseloadPage";
import { DigestPage } from "../pages/DigestPage";
import { ImportPage } from "../pages/ImportPage";
import { MatchesPage } from "../pages/MatchesPage";
import { PersonPage } from "../pages/PersonPage";
import { SignInPage } from "../pages/SignInPage";
import { apiFor } from "./api";
import { AppContext, useApp as useAppState, type AppState } from "./context";
import { href, navigate, useRoute, type Route } from "./router";
import { clearSession, loadSession, saveSession, type Session } from "./session";

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [language, setLanguage] = useState<Language>(() => session?.language ?? browserLanguage());
  const route = useRoute();
  const words = languages[language];
  const languageRef = useRef(language);
  languageRef.current = language;

  const firstRoute = useRef(true);
  useEffect(() => {
    // After a move to another page, keyboard and screen-reader users start at its content.
    if (firstRoute.current) {
      firstRoute.current = false;
    } else {
      document.getElementById("main")?.focus();
    }
  }, [route]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = words.appName;
  }, [language, words]);

  const state = useMemo<AppState | null>(() => {
    if (session === null) {
      return null;
    }
    return {
      session,
      api: apiFor(session.key, () => languageRef.current),
      signOut: () => {
        clearSession();
        setSession(null);
        navigate({ page: "signIn" });
      },
    };
  }, [session]);

  const switchLanguage = () => {
    const next: Language = language === "en" ? "ru" : "en";
    setLanguage(next);
    if (session !== null) {
      const changed = { ...session, language: next };
      saveSession(changed);
      setSession(changed);
    }
  };

  const signedIn = (started: Session) => {
    saveSession(started);
    setSession(started);
    setLanguage(started.language);
    navigate(started.role === "admin" ? { page: "admin" } : { page: "caseload" });
  };

  return (
    <LanguageContext.Provider value={{ language, words }}>
      <a class="skip" href="#main">{words.skipToContent}</a>
      <header class="top">
        <span class="brand">{words.appName}</span>
        {state !== null && <Navigation route={route} role={state.session.role} />}
        <div class="session">
          {state !== null && (
            <span class="who">{state.session.centreName ?? words.adminName}</span>
          )}
          <button type="button" class="link" lang={language === "en" ? "ru" : "en"} title={words.otherLanguageName}
            onClick={switchLanguage}>
            {words.otherLanguage}
          </button>
          {state !== null && (
            <button type="button" class="link" onClick={state.signOut}>{words.signOut}</button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {state === null ? (
          <SignInPage onSignedIn={signedIn} />
        ) : (
          <AppContext.Provider value={state}>
            <Page route={route} />
          </AppContext.Provider>
        )}
      </main>
    </LanguageContext.Provider>
  );
}

function Navigation(props: { readonly route: Route; readonly role: "centre" | "admin" }) {
  const { words } = useWordsOf();
  const items: [Route, string][] = props.role === "admin"
    ? [[{ page: "admin" }, words.admin]]
    : [
      [{ page: "caseload" }, words.caseload],
      [{ page: "person", id: null }, words.addPerson],
      [{ page: "import" }, words.importCsv],
      [{ page: "digest" }, words.digest],
    ];
  return (
    <nav aria-label={words.navigation}>
      <ul>
        {items.map(([route, text]) => (
          <li key={text}>
            <a href={href(route)} aria-current={sameSection(route, props.route) ? "page" : undefined}>{text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Page(props: { readonly route: Route }) {
  const { session } = useAppState();
  const route = props.route;
  if (session.role === "admin") {
    return <AdminPage />;
  }
  switch (route.page) {
    case "signIn":
    case "caseload":
      return <CaseloadPage />;
    case "person":
      return <PersonPage key={route.id ?? "new"} id={route.id} />;
    case "matches":
      return <MatchesPage key={route.id} id={route.id} />;
    case "import":
      return <ImportPage />;
    case "digest":
      return <DigestPage />;
    case "admin":
    case "notFound":
      return <NotFound />;
  }
}

function NotFound() {
  const { words } = useWordsOf();
  return <h1>{words.notFound}</h1>;
}

function sameSection(a: Route, b: Route): boolean {
  return a.page === b.page && (a.page !== "person" || (b.page === "person" && b.id === null));
}

function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith("ru") ? "ru" : "en";
}
