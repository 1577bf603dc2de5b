// Pages are addressed by the fragment (#/people/…), so the server serves one page and every address works
// behind any host, and the browser's back button moves between pages.
import { useEffect, useState } from "preact/hooks";

export type Route =
  | { readonly page: "signIn" }
  | { readonly page: "caseload" }
  | { readonly page: "person"; readonly id: string | null }
  | { readonly page: "matches"; readonly id: string }
  | { readonly page: "import" }
  | { readonly page: "digest" }
  | { readonly page: "admin" }
  | { readonly page: "notFound" };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((p) => p !== "").map(decodeURIComponent);
  const [first, second, third] = parts;
  switch (first) {
    case undefined:
    case "caseload":
      return { page: "caseload" };
    case "sign-in":
      return { page: "signIn" };
    case "import":
      return { page: "import" };
    case "digest":
      return { page: "digest" };
    case "admin":
      return { page: "admin" };
    case "people":
      if (second === "new" || second === undefined) {
        return { page: "person", id: null };
      }
      return third === "matches" ? { page: "matches", id: second } : { page: "person", id: second };
    default:
      return { page: "notFound" };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case "signIn":
      return "#/sign-in";
    case "caseload":
      return "#/caseload";
    case "person":
      return route.id === null ? "#/people/new" : `#/people/${encodeURIComponent(route.id)}`;
    case "matches":
      return `#/people/${encodeURIComponent(route.id)}/matches`;
    case "import":
      return "#/import";
    case "digest":
      return "#/digest";
    case "admin":
      return "#/admin";
    case "notFound":
      return "#/";
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  return route;
}
