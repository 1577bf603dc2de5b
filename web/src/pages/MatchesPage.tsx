// A person's openings, best first: the score's parts as bars, the reasons, the legal pathway and what to obtain;
// what the hard rules left out and why any one opening is not offered; and the outcome of an application.
import { useEffect, useState } from "preact/hooks";
import type { Schemas } from "../api/client";
import { failure, today, useApp } from "../app/context";
import { href } from "../app/router";
import { Bar } from "../components/Bar";
import { Field, Select, Status } from "../components/Field";
import { useWords, type Words } from "../i18n";
import { countryName, regionCountryCodes } from "../i18n/countries";
import { banText, bansInForce } from "../people/describe";

type Person = Schemas["StoredProfile"];
type Match = Schemas["MatchView"];
type Pathway = Schemas["Pathway"];

const pathways: readonly Pathway[] = ["domestic", "freeMovement", "workPermit", "visaAndPermit"];
const components = ["occupation", "skills", "language", "experience", "location", "wage", "pathway"] as const;
const exclusionReasons = ["reentryBan", "nonRefoulement", "relocation", "closed", "refugeesNotAccepted", "licence"] as const;

export function MatchesPage(props: { readonly id: string }) {
  const { api } = useApp();
  const { words, language } = useWords();
  const [person, setPerson] = useState<Person | null>(null);
  const [result, setResult] = useState<Schemas["MatchResponse"] | null>(null);
  const [country, setCountry] = useState("");
  const [pathway, setPathway] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void api.GET("/api/profiles/{id}", { params: { path: { id: props.id } } }).then(({ data, error: problem, response }) => {
      if (data === undefined) setError(failure(words, problem, response.status));
      else setPerson(data);
    });
  }, [api, props.id]);

  useEffect(() => {
    let live = true;
    setResult(null);
    const query = { top: 50, explain: true, ...(country !== "" ? { country } : {}) };
    void api
      .GET("/api/profiles/{id}/matches", { params: { path: { id: props.id }, query } })
      .then(({ data, error: problem, response }) => {
        if (!live) return;
        if (data === undefined) setError(failure(words, problem, response.status));
        else setResult(data);
      })
      .catch(() => live && setError(words.problemNetwork));
    return () => {
      live = false;
    };
    // The language is in the key: the reasons are asked for again in the other language.
  }, [api, props.id, country, language, version]);

  const name = person?.displayName ?? "…";
  const shown = result?.matches.filter((m) => pathway === "" || m.pathway === pathway) ?? [];
  return (
    <section>
      <h1>{words.matchesTitle(name)}</h1>
      {person !== null && (
        <p>
          <a href={href({ page: "person", id: person.id })}>{person.externalRef}</a>
          {" · "}
          {words.bansInForce}: {bansInForce(person.bans, today()).map((b) => banText(b, words, language)).join("; ") || words.none}
        </p>
      )}
      {error !== null && <Status kind="error">{error}</Status>}
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Select path="filter.country" label={words.filterCountry} value={country} onChange={setCountry}
          options={[["", words.countryAny], ...regionCountryCodes.map((c): [string, string] => [c, countryName(c, language)])]} />
        <Select path="filter.pathway" label={words.filterPathway} value={pathway} onChange={setPathway}
          options={[["", words.pathwayAny], ...pathways.map((p): [string, string] => [p, pathwayName(p, words)])]} />
      </form>
      {result === null && error === null && <p aria-busy="true">{words.loading}</p>}
      {result !== null && person !== null && <Exclusions person={person} counts={result.excluded} />}
      {result !== null && shown.length === 0 && <p>{words.noMatches}</p>}
      <ol class="matches">
        {shown.map((m) => (
          <li key={m.openingId}>
            <MatchCard match={m} profileId={props.id} onChanged={() => setVersion(version + 1)} />
          </li>
        ))}
      </ol>
      {person !== null && <WhyNot person={person} />}
    </section>
  );
}

function MatchCard(props: { readonly match: Match; readonly profileId: string; readonly onChanged: () => void }) {
  const { words, language } = useWords();
  const m = props.match;
  return (
    <article class="match" aria-labelledby={`m-${m.openingId}`}>
      <header>
        <h2 id={`m-${m.openingId}`}>{m.title}, {m.city} ({countryName(m.country, language)})</h2>
        <Bar label={words.score} value={m.score} />
      </header>
      <p class="pathway"><strong>{pathwayName(m.pathway, words)}.</strong> {words.obtain}: {m.obtain}
        {m.obtainVerifiedOn !== null && m.obtainVerifiedOn !== undefined && (
          <span class="muted"> ({words.verifiedOn(m.obtainVerifiedOn)})</span>
        )}
      </p>
      <div class="columns">
        <div class="parts" role="group" aria-label={words.scoreParts}>
          {components.map((c) => <Bar key={c} label={words[`component_${c}`]} value={m.components[c]} />)}
        </div>
        <div>
          <h3>{words.reasons}</h3>
          <ul class="reasons">{m.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
        </div>
      </div>
      <OpeningAndOutcome openingId={m.openingId} profileId={props.profileId} title={m.title} onChanged={props.onChanged} />
    </article>
  );
}

/** The opening's employer and free positions, and the form that records an outcome for the person. */
function OpeningAndOutcome(props: { readonly openingId: string; readonly profileId: string; readonly title: string;
  readonly onChanged: () => void }) {
  const { api } = useApp();
  const { words } = useWords();
  const [opening, setOpening] = useState<Schemas["StoredOpening"] | null>(null);
  const [outcome, setOutcome] = useState<Schemas["PlacementOutcome"]>("applied");
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | null>(null);

  const loadOpening = async () => {
    const { data } = await api.GET("/api/openings/{id}", { params: { path: { id: props.openingId } } });
    if (data !== undefined) setOpening(data);
    return data;
  };

  const record = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    const { error, response } = await api.POST("/api/placements", {
      body: { profileId: props.profileId, openingId: props.openingId, outcome },
    });
    if (response.status === 409 && outcome === "hired") {
      // A 409 is also a centre's share of another publisher's opening used up: only no free position is the lost race.
      const now = await loadOpening();
      const full = now !== undefined && now.positions - now.positionsFilled <= 0;
      setMessage({ kind: "error", text: full ? words.noPositionLeft : failure(words, error, response.status) });
      return;
    }
    if (!response.ok) {
      setMessage({ kind: "error", text: failure(words, error, response.status) });
      return;
    }
    if (outcome === "hired") {
      const now = await loadOpening();
      const text = now !== undefined
        ? words.hiredFree(now.positions - now.positionsFilled, now.positions)
        : words.recorded(words.outcome_hired);
      setMessage({ kind: "info", text });
    } else {
      setMessage({ kind: "info", text: words.recorded(words[`outcome_${outcome}`]) });
    }
  };

  return (
    <div class="opening">
      <details onToggle={(e) => e.currentTarget.open && opening === null && void loadOpening()}>
        <summary>{words.openingDetails}: {props.title}</summary>
        {opening === null ? <p>{words.loading}</p> : (
          <dl>
            <dt>{words.employer}</dt><dd>{opening.employer}</dd>
            <dt>{words.positions}</dt>
            <dd class="free">{words.freePositions(opening.positions - opening.positionsFilled, opening.positions)}</dd>
            {opening.startDate !== null && opening.startDate !== undefined && <><dt>{words.startDate}</dt><dd>{opening.startDate}</dd></>}
            {opening.expiresOn !== null && opening.expiresOn !== undefined && <><dt>{words.expiresOn}</dt><dd>{opening.expiresOn}</dd></>}
            {opening.monthlyWage !== null && opening.monthlyWage !== undefined && (
              <>
                <dt>{words.wage}</dt>
                <dd>{opening.monthlyWage.min ?? ""}–{opening.monthlyWage.max ?? ""} {opening.monthlyWage.currency}</dd>
              </>
            )}
            <dt>{words.openingId}</dt><dd><code>{opening.id}</code></dd>
          </dl>
        )}
      </details>
      <form class="outcome" onSubmit={record}>
        <Select path={`outcome-${props.openingId}`} label={words.outcome} value={outcome}
          onChange={(v) => setOutcome(v as Schemas["PlacementOutcome"])}
          options={(["applied", "interviewed", "hired", "rejected"] as const).map((o): [string, string] => [o, words[`outcome_${o}`]])} />
        <button type="submit">{words.record}</button>
      </form>
      {message !== null && <Status kind={message.kind}>{message.text}</Status>}
    </div>
  );
}

/** What the hard rules removed, in words: a ban's count names the ban and when it ends. */
function Exclusions(props: { readonly person: Person; readonly counts: Schemas["ExclusionCounts"] }) {
  const { words, language } = useWords();
  const lines = exclusionReasons.filter((r) => props.counts[r] > 0).map((r) => {
    const n = props.counts[r];
    if (r === "reentryBan") {
      const bans = bansInForce(props.person.bans, today()).map((b) => banText(b, words, language)).join("; ");
      return bans === "" ? words.excluded_reentryBan(n) : words.excludedBan(n, bans);
    }
    return words[`excluded_${r}`](n);
  });
  return (
    <section class="excluded" aria-labelledby="excluded-title">
      <h2 id="excluded-title">{words.notOffered}</h2>
      {lines.length === 0 ? <p>{words.nothingExcluded}</p> : <ul>{lines.map((l) => <li key={l}>{l}</li>)}</ul>}
    </section>
  );
}

/** Why an opening is not offered: for an id typed in, or for the openings in the countries the person is banned from. */
function WhyNot(props: { readonly person: Person }) {
  const { api } = useApp();
  const { words, language } = useWords();
  const [openingId, setOpeningId] = useState("");
  const [verdict, setVerdict] = useState<Schemas["VerdictView"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [excluded, setExcluded] = useState<Schemas["StoredOpening"][] | null>(null);
  const banned = [...new Set(bansInForce(props.person.bans, today()).map((b) => b.country))];

  const ask = async (id: string) => {
    setError(null);
    setVerdict(null);
    const { data, error: problem, response } = await api.GET("/api/profiles/{id}/matches/{openingId}", {
      params: { path: { id: props.person.id, openingId: id.trim() } },
    });
    if (data === undefined) setError(failure(words, problem, response.status));
    else setVerdict(data);
  };

  const showExcluded = async () => {
    const found: Schemas["StoredOpening"][] = [];
    for (const country of banned) {
      for (const isco of new Set(props.person.occupations.map((o) => o.isco))) {
        const { data } = await api.GET("/api/openings", { params: { query: { country, isco, pageSize: 10 } } });
        found.push(...(data?.items ?? []));
      }
    }
    setExcluded(found);
  };

  return (
    <section class="why-not" aria-labelledby="why-title">
      <h2 id="why-title">{words.whyNot}</h2>
      <form class="inline" onSubmit={(e) => { e.preventDefault(); void ask(openingId); }}>
        <Field path="whyNot.openingId" label={words.openingId} value={openingId} onInput={setOpeningId} />
        <button type="submit">{words.ask}</button>
      </form>
      {banned.map((country) => (
        <div key={country}>
          <p>{words.excludedOpenings(countryName(country, language))}{" "}
            {excluded === null && <button type="button" class="secondary" onClick={() => void showExcluded()}>{words.showExcluded}</button>}
          </p>
        </div>
      ))}
      {excluded !== null && (
        <ul class="excluded-openings">
          {excluded.map((o) => (
            <li key={o.id}>
              {o.title}, {o.location.city} ({countryName(o.location.country, language)}){" "}
              <button type="button" class="secondary" onClick={() => { setOpeningId(o.id); void ask(o.id); }}>
                {words.whyButton(o.title)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error !== null && <Status kind="error">{error}</Status>}
      {verdict !== null && (
        <div class="verdict" role="status">
          <p><strong>{verdict.offered ? words.offered : words.notOfferedBecause}</strong> {verdict.explanation}</p>
        </div>
      )}
    </section>
  );
}

function pathwayName(pathway: Pathway, words: Words): string {
  return words[`pathway_${pathway}`];
}
