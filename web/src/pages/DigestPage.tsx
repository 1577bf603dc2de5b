// The centre's weekly digests, this week's and earlier ones, drawn from the API's JSON and printable.
import { useEffect, useState } from "preact/hooks";
import type { Schemas } from "../api/client";
import { failure, useApp } from "../app/context";
import { href } from "../app/router";
import { Bar } from "../components/Bar";
import { Select, Status } from "../components/Field";
import { useWords } from "../i18n";
import { countryName } from "../i18n/countries";
import { isoWeek, previousWeeks } from "./weeks";

export function DigestPage() {
  const { api } = useApp();
  const { words, language } = useWords();
  const [week, setWeek] = useState("latest");
  const [digest, setDigest] = useState<Schemas["DigestView"] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setMessage(null);
    const request = week === "latest"
      ? api.GET("/api/digests/latest", { params: { query: { lang: language } } })
      : api.GET("/api/digests/{week}", { params: { path: { week }, query: { lang: language } } });
    void request.then(({ data, error, response }) => {
      if (!live) return;
      setLoading(false);
      setDigest(data ?? null);
      if (data === undefined) setMessage(response.status === 404 ? words.noDigest : failure(words, error, response.status));
    });
    return () => {
      live = false;
    };
  }, [api, week, language]);

  const weeks = previousWeeks(digest?.week ?? isoWeek(new Date()), 8);
  return (
    <section class="digest">
      <h1>{words.digestTitle}</h1>
      <form class="filters no-print" onSubmit={(e) => e.preventDefault()}>
        <Select path="week" label={words.week} value={week} onChange={setWeek}
          options={[["latest", words.latest], ...weeks.filter((w) => w !== week).map((w): [string, string] => [w, w]),
            ...(week !== "latest" ? [[week, week] as [string, string]] : [])]} />
        <button type="button" class="secondary" onClick={() => print()}>{words.print}</button>
      </form>
      {loading && <p aria-busy="true">{words.loading}</p>}
      {message !== null && <Status kind="info">{message}</Status>}
      {digest !== null && (
        <>
          <p>{words.digestSummary(digest.week, digest.generatedAt.slice(0, 16).replace("T", " "), digest.entries.length)}</p>
          {digest.entries.map((entry) => (
            <article key={entry.profileId} class="digest-entry">
              <h2><a href={href({ page: "matches", id: entry.profileId })}>{words.digestPerson(entry.externalRef)}</a></h2>
              <ul>
                {entry.matches.map((m) => (
                  <li key={m.openingId}>
                    <strong>{m.title}</strong>, {m.city} ({countryName(m.country, language)}) · {words[`pathway_${m.pathway}`]}
                    <Bar label={words.score} value={m.score} />
                    <ul class="reasons">{m.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </>
      )}
    </section>
  );
}
