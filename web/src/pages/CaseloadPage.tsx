// The centre's people, a page at a time, with what matters at a glance: status, bans in force, availability and
// how many openings each may take now. A search reads every page of the caseload for a reference or a name.
import { useEffect, useState } from "preact/hooks";
import type { Schemas } from "../api/client";
import { failure, today, useApp } from "../app/context";
import { href } from "../app/router";
import { Field, Status } from "../components/Field";
import { useWords } from "../i18n";
import { banText, bansInForce, statusText } from "../people/describe";

type Person = Schemas["StoredProfile"];

const pageSize = 20;
const matchesShown = 10;

export function CaseloadPage() {
  const { api } = useApp();
  const { words } = useWords();
  // The tokens of the pages seen so far: the first page has none.
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState(0);
  const [people, setPeople] = useState<Person[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [term, setTerm] = useState("");
  const [searched, setSearched] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (searched !== null) {
      return;
    }
    let live = true;
    setPeople(null);
    const token = tokens[page] ?? null;
    void api
      .GET("/api/profiles", { params: { query: { pageSize, ...(token !== null ? { continuationToken: token } : {}) } } })
      .then(({ data, error: problem, response }) => {
        if (!live) return;
        if (data === undefined) {
          setError(failure(words, problem, response.status));
          return;
        }
        setPeople(data.items);
        setNext(data.continuationToken);
      })
      .catch(() => live && setError(words.problemNetwork));
    return () => {
      live = false;
    };
  }, [api, page, tokens, searched]);

  const search = async (event: Event) => {
    event.preventDefault();
    const wanted = term.trim().toLowerCase();
    if (wanted === "") {
      clear();
      return;
    }
    setPeople(null);
    setError(null);
    const found: Person[] = [];
    let token: string | null = null;
    do {
      const query: { pageSize: number; continuationToken?: string } = { pageSize: 1000 };
      if (token !== null) query.continuationToken = token;
      const { data, error: problem, response } = await api.GET("/api/profiles", { params: { query } });
      if (data === undefined) {
        setError(failure(words, problem, response.status));
        return;
      }
      found.push(...data.items.filter((p) =>
        p.externalRef.toLowerCase().includes(wanted) || p.displayName.toLowerCase().includes(wanted)));
      token = data.continuationToken;
    } while (token !== null);
    setSearched(term.trim());
    setPeople(found);
    setNext(null);
  };

  const clear = () => {
    setTerm("");
    setSearched(null);
    setTokens([null]);
    setPage(0);
  };

  const goNext = () => {
    if (next === null) return;
    setTokens((seen) => [...seen.slice(0, page + 1), next]);
    setPage(page + 1);
  };

  return (
    <section>
      <h1>{words.caseloadTitle}</h1>
      <form class="search" role="search" onSubmit={search}>
        <Field path="search" label={words.search} value={term} onInput={setTerm} />
        <button type="submit">{words.searchButton}</button>
        {searched !== null && <button type="button" class="secondary" onClick={clear}>{words.clearSearch}</button>}
      </form>
      {error !== null && <Status kind="error">{error}</Status>}
      {searched !== null && people !== null && <Status kind="info">{words.searchResults(people.length, searched)}</Status>}
      {people === null && error === null && <p aria-busy="true">{words.loading}</p>}
      {people !== null && people.length === 0 && searched === null && <p>{words.noPeople}</p>}
      {people !== null && people.length > 0 && <PeopleTable people={people} />}
      {searched === null && (
        <nav class="pager" aria-label={words.pageNumber(page + 1)}>
          <button type="button" class="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {words.previousPage}
          </button>
          <span>{words.pageNumber(page + 1)}</span>
          <button type="button" class="secondary" disabled={next === null} onClick={goNext}>{words.nextPage}</button>
        </nav>
      )}
    </section>
  );
}

function PeopleTable(props: { readonly people: readonly Person[] }) {
  const { words, language } = useWords();
  const day = today();
  return (
    <div class="table-wrap">
      <table class="people">
        <thead>
          <tr>
            <th scope="col">{words.reference}</th>
            <th scope="col">{words.name}</th>
            <th scope="col">{words.status}</th>
            <th scope="col">{words.bansInForce}</th>
            <th scope="col">{words.availableFrom}</th>
            <th scope="col">{words.currentMatches}</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr key={p.id}>
              <td data-label={words.reference}>{p.externalRef}</td>
              <td data-label={words.name}><a href={href({ page: "person", id: p.id })}>{p.displayName}</a></td>
              <td data-label={words.status}>{statusText(p.status, words)}</td>
              <td data-label={words.bansInForce}>
                {bansInForce(p.bans, day).map((b) => banText(b, words, language)).join("; ") || words.none}
              </td>
              <td data-label={words.availableFrom}>
                {p.availableFrom === null || p.availableFrom === undefined || p.availableFrom <= day ? words.now : p.availableFrom}
              </td>
              <td data-label={words.currentMatches}><MatchCount id={p.id} name={p.displayName} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How many openings the person may take: the first ten are counted, more show as "10+". */
function MatchCount(props: { readonly id: string; readonly name: string }) {
  const { api } = useApp();
  const { words } = useWords();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void api
      .GET("/api/profiles/{id}/matches", { params: { path: { id: props.id }, query: { top: matchesShown, explain: false } } })
      .then(({ data }) => live && data !== undefined && setCount(data.matches.length))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, props.id]);
  const text = count === null ? "…" : count >= matchesShown ? words.matchesAtLeast(matchesShown) : String(count);
  return (
    <a href={href({ page: "matches", id: props.id })} aria-label={`${words.openMatches}: ${props.name}, ${text}`}>
      {text}
    </a>
  );
}
