// One person, created or edited in a form. On save every message of the API's problem appears beside its input
// (the form keeps what was typed); a change someone else saved first is said plainly, with a way to reload.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Schemas } from "../api/client";
import { isProblem } from "../app/api";
import { failure, today, useApp } from "../app/context";
import { href, navigate } from "../app/router";
import { Check, Field, fieldId, FieldErrors, Select, Status } from "../components/Field";
import { useWords } from "../i18n";
import {
  documentOf, emptyForm, fieldPaths, formOf, placeErrors, type PlacedErrors, type ProfileForm,
} from "../people/profileForm";

const noErrors: PlacedErrors = { byField: new Map(), elsewhere: [] };

export function PersonPage(props: { readonly id: string | null }) {
  const { api, session } = useApp();
  const { words } = useWords();
  const [form, setForm] = useState<ProfileForm | null>(props.id === null ? emptyForm(today(), session.country ?? "") : null);
  const [stored, setStored] = useState<Schemas["StoredProfile"] | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);

  const load = async () => {
    if (props.id === null) return;
    const { data, error, response } = await api.GET("/api/profiles/{id}", { params: { path: { id: props.id } } });
    if (data === undefined) {
      setMessage({ kind: "error", text: failure(words, error, response.status) });
      return;
    }
    setStored(data);
    setForm(formOf(data));
    setEtag(response.headers.get("ETag"));
    setErrors(noErrors);
    setConflict(false);
  };

  useEffect(() => {
    void load().catch(() => setMessage({ kind: "error", text: words.problemNetwork }));
  }, [props.id]);

  if (form === null) {
    return message === null ? <p aria-busy="true">{words.loading}</p> : <Status kind={message.kind}>{message.text}</Status>;
  }

  const change = (update: Partial<ProfileForm>) => setForm({ ...form, ...update });
  const at = (path: string) => errors.byField.get(path);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const body = documentOf(form);
      const result = props.id === null
        ? await api.POST("/api/profiles", { body })
        : await api.PUT("/api/profiles/{id}", {
          params: { path: { id: props.id }, header: etag !== null ? { "If-Match": etag } : {} },
          body,
        });
      const { error, response } = result;
      if (response.ok) {
        setErrors(noErrors);
        if (props.id === null && "results" in (result.data ?? {})) {
          const created = (result.data as Schemas["UpsertResponse"]).results[0];
          if (created !== undefined) {
            navigate({ page: "person", id: created.id });
            return;
          }
        }
        setEtag(response.headers.get("ETag"));
        setStored(result.data as Schemas["StoredProfile"]);
        setMessage({ kind: "info", text: words.saved });
        return;
      }
      if (response.status === 412) {
        setConflict(true);
        return;
      }
      if (response.status === 400 && isProblem(error) && error.errors !== undefined) {
        const placed = placeErrors(error.errors, fieldPaths(form));
        setErrors(placed);
        const count = placed.byField.size + placed.elsewhere.length;
        setMessage({ kind: "error", text: words.errorsSummary(count) });
        focusFirstError(placed, fieldPaths(form));
        return;
      }
      setMessage({ kind: "error", text: failure(words, error, response.status) });
    } catch {
      setMessage({ kind: "error", text: words.problemNetwork });
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    if (props.id === null || stored === null) return;
    const { error, response } = await api.DELETE("/api/profiles/{id}", { params: { path: { id: props.id } } });
    if (response.ok) {
      navigate({ page: "caseload" });
      return;
    }
    setErasing(false);
    setMessage({ kind: "error", text: failure(words, error, response.status) });
  };

  const title = props.id === null ? words.newPersonTitle : words.editPersonTitle(stored?.displayName ?? "");
  const paths = fieldPaths(form);
  return (
    <section>
      <h1>{title}</h1>
      {props.id !== null && (
        <p><a href={href({ page: "matches", id: props.id })}>{words.openMatches}</a></p>
      )}
      {message !== null && <Status kind={message.kind}>{message.text}</Status>}
      {message?.kind === "error" && (errors.byField.size > 0 || errors.elsewhere.length > 0) && (
        <ul class="error-summary">
          {paths.filter((p) => errors.byField.has(p)).map((p) => (
            <li key={p}><a href={`#${fieldId(p)}`} onClick={(e) => focusField(e, p)}>{p}: {errors.byField.get(p)?.join(" ")}</a></li>
          ))}
          {errors.elsewhere.map(([p, m]) => <li key={p + m}>{p}: {m}</li>)}
        </ul>
      )}
      {conflict && (
        <div class="status error" role="alert">
          <p>{words.conflict}</p>
          <button type="button" onClick={() => void load()}>{words.reload}</button>
        </div>
      )}
      <form class="person" onSubmit={save} noValidate>
        <fieldset>
          <legend>{words.sectionIdentity}</legend>
          <Field path="externalRef" label={words.externalRef} value={form.externalRef} required
            onInput={(v) => change({ externalRef: v })} errors={at("externalRef")} />
          <Field path="displayName" label={words.displayName} value={form.displayName} required
            onInput={(v) => change({ displayName: v })} errors={at("displayName")} />
          <Select path="status" label={words.personStatus} value={form.status} errors={at("status")}
            options={[["returningMigrant", words.returningMigrant], ["refugee", words.refugee]]}
            onChange={(v) => change({ status: v === "refugee" ? "refugee" : "returningMigrant" })} />
          <Field path="citizenship" label={words.citizenship} value={form.citizenship} required
            onInput={(v) => change({ citizenship: v })} errors={at("citizenship")} />
        </fieldset>
        {form.status === "refugee" && (
          <fieldset>
            <legend>{words.sectionRefugee}</legend>
            <Field path="fledCountries" label={words.fledCountries} value={form.fledCountries}
              onInput={(v) => change({ fledCountries: v })} errors={at("fledCountries")} />
            <Check path="voluntaryRepatriation" label={words.voluntaryRepatriation} checked={form.voluntaryRepatriation}
              onChange={(v) => change({ voluntaryRepatriation: v })} errors={at("voluntaryRepatriation")} />
          </fieldset>
        )}
        <fieldset>
          <legend>{words.sectionHome}</legend>
          <Field path="home.country" label={words.homeCountry} value={form.homeCountry} required
            onInput={(v) => change({ homeCountry: v })} errors={at("home.country")} />
          <Field path="home.city" label={words.homeCity} value={form.homeCity} required
            onInput={(v) => change({ homeCity: v })} errors={at("home.city")} />
          <Field path="home.lat" label={words.latitude} type="number" value={form.homeLat}
            onInput={(v) => change({ homeLat: v })} errors={at("home.lat")} />
          <Field path="home.lon" label={words.longitude} type="number" value={form.homeLon}
            onInput={(v) => change({ homeLon: v })} errors={at("home.lon")} />
        </fieldset>
        <fieldset>
          <legend>{words.sectionBans}</legend>
          {form.bans.map((ban, i) => (
            <div class="row" key={i}>
              <Field path={`bans[${i}].country`} label={words.banCountry} value={ban.country} errors={at(`bans[${i}].country`)}
                onInput={(v) => change({ bans: replace(form.bans, i, { ...ban, country: v }) })} />
              <Field path={`bans[${i}].from`} label={words.banFrom} type="date" value={ban.from} errors={at(`bans[${i}].from`)}
                onInput={(v) => change({ bans: replace(form.bans, i, { ...ban, from: v }) })} />
              <Field path={`bans[${i}].until`} label={words.banUntilLabel} type="date" value={ban.until}
                errors={at(`bans[${i}].until`)} onInput={(v) => change({ bans: replace(form.bans, i, { ...ban, until: v }) })} />
              <button type="button" class="secondary" onClick={() => change({ bans: without(form.bans, i) })}>
                {words.remove}
              </button>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => change({ bans: [...form.bans, { country: "", from: "", until: "" }] })}>
            {words.addBan}
          </button>
        </fieldset>
        <fieldset>
          <legend>{words.sectionOccupations}</legend>
          {form.occupations.map((o, i) => (
            <div class="row" key={i}>
              <Field path={`occupations[${i}].isco`} label={words.isco} value={o.isco} errors={at(`occupations[${i}].isco`)}
                inputMode="numeric" onInput={(v) => change({ occupations: replace(form.occupations, i, { ...o, isco: v }) })} />
              <Field path={`occupations[${i}].years`} label={words.years} type="number" inputMode="numeric" value={o.years}
                errors={at(`occupations[${i}].years`)}
                onInput={(v) => change({ occupations: replace(form.occupations, i, { ...o, years: v }) })} />
              <button type="button" class="secondary" onClick={() => change({ occupations: without(form.occupations, i) })}>
                {words.remove}
              </button>
            </div>
          ))}
          <FieldErrors id="occupations-errors" errors={form.occupations.length === 0 ? errors.byField.get("occupations") ?? [] : []} />
          <button type="button" class="secondary" onClick={() => change({ occupations: [...form.occupations, { isco: "", years: "" }] })}>
            {words.addOccupation}
          </button>
        </fieldset>
        <fieldset>
          <legend>{words.sectionSkills}</legend>
          <Field path="skills" label={words.skills} value={form.skills} onInput={(v) => change({ skills: v })} errors={at("skills")} />
          <Field path="licences" label={words.licences} value={form.licences} onInput={(v) => change({ licences: v })}
            errors={at("licences")} />
        </fieldset>
        <fieldset>
          <legend>{words.sectionLanguages}</legend>
          {form.languages.map((l, i) => (
            <div class="row" key={i}>
              <Field path={`languages[${i}].code`} label={words.languageCode} value={l.code} errors={at(`languages[${i}].code`)}
                onInput={(v) => change({ languages: replace(form.languages, i, { ...l, code: v }) })} />
              <Field path={`languages[${i}].level`} label={words.languageLevel} value={l.level} errors={at(`languages[${i}].level`)}
                onInput={(v) => change({ languages: replace(form.languages, i, { ...l, level: v }) })} />
              <button type="button" class="secondary" onClick={() => change({ languages: without(form.languages, i) })}>
                {words.remove}
              </button>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => change({ languages: [...form.languages, { code: "", level: "" }] })}>
            {words.addLanguage}
          </button>
        </fieldset>
        <fieldset>
          <legend>{words.sectionWishes}</legend>
          <Field path="availableFrom" label={words.availableFrom} type="date" value={form.availableFrom}
            onInput={(v) => change({ availableFrom: v })} errors={at("availableFrom")} />
          <Check path="relocation.willing" label={words.relocationWilling} checked={form.relocationWilling}
            onChange={(v) => change({ relocationWilling: v })} errors={at("relocation.willing")} />
          <Field path="relocation.countries" label={words.relocationCountries} value={form.relocationCountries}
            onInput={(v) => change({ relocationCountries: v })} errors={at("relocation.countries")} />
          <div class="row">
            <Field path="minMonthlyWage.amount" label={words.minWageAmount} type="number" value={form.minWageAmount}
              onInput={(v) => change({ minWageAmount: v })} errors={at("minMonthlyWage.amount")} />
            <Field path="minMonthlyWage.currency" label={words.minWageCurrency} value={form.minWageCurrency}
              onInput={(v) => change({ minWageCurrency: v })} errors={at("minMonthlyWage.currency")} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{words.sectionConsent}</legend>
          <Check path="consent.dataProcessing" label={words.consentGiven} checked={form.consent}
            onChange={(v) => change({ consent: v })} errors={at("consent.dataProcessing")} />
          <Field path="consent.givenOn" label={words.consentGivenOn} type="date" value={form.consentGivenOn}
            onInput={(v) => change({ consentGivenOn: v })} errors={at("consent.givenOn")} />
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={busy}>{busy ? words.saving : words.save}</button>
          {props.id !== null && stored !== null && (
            <button type="button" class="danger" onClick={() => setErasing(true)}>{words.erase}</button>
          )}
        </div>
      </form>
      {erasing && stored !== null && (
        <ConfirmErase person={stored} onErase={() => void erase()} onCancel={() => setErasing(false)} />
      )}
    </section>
  );
}

/** Asks before erasing, saying what goes; the safe choice has the focus. */
function ConfirmErase(props: { readonly person: Schemas["StoredProfile"]; readonly onErase: () => void; readonly onCancel: () => void }) {
  const { words } = useWords();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-what">
      <h2 id="erase-title">{words.eraseTitle}</h2>
      <p id="erase-what">{words.eraseWhat(props.person.displayName, props.person.externalRef)}</p>
      <button type="button" class="danger" onClick={props.onErase}>{words.eraseConfirm}</button>
      <button type="button" class="secondary" ref={cancel} onClick={props.onCancel}>{words.cancel}</button>
    </div>
  );
}

function replace<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((x, i) => (i === index ? item : x));
}

function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

function focusFirstError(placed: PlacedErrors, paths: readonly string[]): void {
  const first = paths.find((p) => placed.byField.has(p));
  if (first !== undefined) {
    // After the render that shows the messages.
    setTimeout(() => document.getElementById(fieldId(first))?.focus(), 0);
  }
}

function focusField(event: Event, path: string): void {
  event.preventDefault();
  document.getElementById(fieldId(path))?.focus();
}
