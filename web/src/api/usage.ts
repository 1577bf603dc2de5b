// Strict tsc compiles this file in the test command (ClientGenerationTests): it is how the web app is meant to
// call the API, and it fails to compile when the generated types stop allowing it, or start allowing the
// mistakes marked @ts-expect-error.
import { createApiClient, type Problem, type Schemas } from "./client";

const api = createApiClient("http://127.0.0.1:7071", "rc_example");

export const profile: Schemas["Profile"] = {
  externalRef: "DUSH-2026-0042",
  displayName: "F. K.",
  citizenship: "TJ",
  status: "returningMigrant",
  home: { country: "TJ", city: "Khujand" },
  occupations: [{ isco: "7212", years: 6 }],
  consent: { dataProcessing: true, givenOn: "2026-11-01" },
  bans: [{ country: "RU", from: "2025-03-01", until: null }],
};

// @ts-expect-error: a profile without what the validator requires does not compile.
export const empty: Schemas["Profile"] = {};

// @ts-expect-error: a centre's language is one the service writes in.
export const uzbek: Schemas["CentreRequest"] = { name: "Termez Employment Centre", country: "UZ", language: "uz" };

/** Upserts one profile, then a batch; answers the stored ids in order. */
export async function upsert(): Promise<string[]> {
  const one = await api.POST("/api/profiles", { body: profile });
  const many = await api.POST("/api/profiles", { body: [profile, { ...profile, externalRef: "DUSH-2026-0043" }] });
  return [...(one.data?.results ?? []), ...(many.data?.results ?? [])].map((r) => r.id);
}

/** The best openings for a stored profile, or the problem the API answered with. */
export async function bestOpenings(id: string): Promise<Schemas["MatchView"][] | Problem> {
  const { data, error } = await api.GET("/api/profiles/{id}/matches", {
    params: { path: { id }, query: { top: 5, explain: true } },
  });
  if (error) {
    const detail: string = error.detail;
    console.warn(detail, error.errors);
    return error;
  }

  return data.matches;
}

/** This week's digest in each representation: the JSON document, and the page as Markdown and HTML. */
export async function digest(week: string): Promise<[number, string, string]> {
  const json = await api.GET("/api/digests/{week}", { params: { path: { week }, query: { lang: "en" } } });
  const markdown = await api.GET("/api/digests/{week}/markdown", { params: { path: { week } }, parseAs: "text" });
  const html = await api.GET("/api/digests/latest/html", { parseAs: "text" });
  const people: number = json.data?.entries.length ?? 0;
  return [people, markdown.data ?? "", html.data ?? ""];
}

/** Records a hire; a 409 (no position left) is a problem document like every error. */
export async function hire(profileId: string, openingId: string): Promise<Schemas["PlacementView"] | undefined> {
  const { data, error, response } = await api.POST("/api/placements", { body: { profileId, openingId, outcome: "hired" } });
  if (response.status === 409) {
    console.warn(error?.detail);
  }

  return data;
}
