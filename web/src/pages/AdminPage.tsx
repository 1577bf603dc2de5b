// The admin's work: register a centre (its key shown once), publish and close openings, run a week's digest.
import { useEffect, useState } from "preact/hooks";
import type { Schemas } from "../api/client";
import { isProblem } from "../app/api";
import { failure, today, useApp } from "../app/context";
import { Check, Field, Select, Status } from "../components/Field";
import { useWords } from "../i18n";
import { countryName, regionCountryCodes } from "../i18n/countries";
import { placeErrors, type PlacedErrors } from "../people/profileForm";
import { isoWeek } from "./weeks";

type Message = { kind: "info" | "error"; text: string } | null;
const noErrors: PlacedErrors = { byField: new Map(), elsewhere: [] };

export function AdminPage() {
  const { words } = useWords();
  const [version, setVersion] = useState(0);
  return (
    <section>
      <h1>{words.adminTitle}</h1>
      <RegisterCentre />
      <PublishOpening onPublished={() => setVersion(version + 1)} />
      <OpeningsList version={version} />
      <RunDigest />
    </section>
  );
}

function RegisterCentre() {
  const { api } = useApp();
  const { words, language } = useWords();
  const [name, setName] = useState("");
  const [country, setCountry] = useState("TJ");
  const [region, setRegion] = useState("");
  const [centreLanguage, setCentreLanguage] = useState<"en" | "ru">("ru");
  const [webhook, setWebhook] = useState("");
  const [created, setCreated] = useState<Schemas["CentreCreated"] | null>(null);
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const [message, setMessage] = useState<Message>(null);
  const paths = ["name", "country", "region", "language", "webhookUrl"];

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setCreated(null);
    const body: Schemas["CentreRequest"] = {
      name: name.trim(), country, language: centreLanguage,
      ...(region.trim() !== "" ? { region: region.trim() } : {}),
      ...(webhook.trim() !== "" ? { webhookUrl: webhook.trim() } : {}),
    };
    const { data, error, response } = await api.POST("/api/centres", { body });
    if (data !== undefined) {
      setErrors(noErrors);
      setCreated(data);
      setName("");
      return;
    }
    setErrors(response.status === 400 && isProblem(error) ? placeErrors(error.errors, paths) : noErrors);
    setMessage({ kind: "error", text: failure(words, error, response.status) });
  };

  const copy = async () => {
    if (created === null) return;
    await navigator.clipboard.writeText(created.apiKey);
    setMessage({ kind: "info", text: words.copied });
  };

  return (
    <section class="panel" aria-labelledby="register-title">
      <h2 id="register-title">{words.registerCentre}</h2>
      <form onSubmit={submit}>
        <Field path="name" label={words.centreName} value={name} onInput={setName} required errors={errors.byField.get("name")} />
        <Select path="country" label={words.centreCountry} value={country} onChange={setCountry} errors={errors.byField.get("country")}
          options={regionCountryCodes.map((c): [string, string] => [c, countryName(c, language)])} />
        <Field path="region" label={words.centreRegion} value={region} onInput={setRegion} errors={errors.byField.get("region")} />
        <Select path="language" label={words.centreLanguage} value={centreLanguage} errors={errors.byField.get("language")}
          onChange={(v) => setCentreLanguage(v === "en" ? "en" : "ru")} options={[["ru", "Русский"], ["en", "English"]]} />
        <Field path="webhookUrl" label={words.centreWebhook} type="url" value={webhook} onInput={setWebhook}
          errors={errors.byField.get("webhookUrl")} />
        <button type="submit">{words.register}</button>
      </form>
      {created !== null && (
        <div class="key-once" role="status">
          <h3>{words.centreKeyTitle(created.name)}</h3>
          <p class="warning">{words.centreKeyWarning}</p>
          <p><code class="key" aria-label={words.centreKeyTitle(created.name)}>{created.apiKey}</code></p>
          <button type="button" onClick={() => void copy()}>{words.copy}</button>
        </div>
      )}
      {message !== null && <Status kind={message.kind}>{message.text}</Status>}
    </section>
  );
}

function PublishOpening(props: { readonly onPublished: () => void }) {
  const { api } = useApp();
  const { words, language } = useWords();
  const blank = {
    externalRef: "", employer: "", title: "", isco: "", country: "TJ", city: "", positions: "1", startDate: "",
    expiresOn: "", wageMin: "", wageMax: "", wageCurrency: "", acceptsRefugees: true, permitSponsorship: false,
  };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const [message, setMessage] = useState<Message>(null);
  const paths = ["externalRef", "employer", "title", "isco", "location.country", "location.city", "positions", "startDate",
    "expiresOn", "monthlyWage.min", "monthlyWage.max", "monthlyWage.currency", "acceptsRefugees", "permitSponsorship"];
  const set = (update: Partial<typeof blank>) => setForm({ ...form, ...update });
  const at = (path: string) => errors.byField.get(path);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    const number = (text: string) => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text.trim());
    const wage = form.wageCurrency.trim() !== "" || form.wageMin.trim() !== "" || form.wageMax.trim() !== "";
    // Sent as typed, so that the API names every mistake (see people/profileForm.ts).
    const body = {
      externalRef: form.externalRef.trim(), employer: form.employer.trim(), title: form.title.trim(), isco: form.isco.trim(),
      location: { country: form.country, city: form.city.trim() }, positions: number(form.positions),
      ...(form.startDate !== "" ? { startDate: form.startDate } : {}),
      ...(form.expiresOn !== "" ? { expiresOn: form.expiresOn } : {}),
      ...(wage ? { monthlyWage: {
        ...(form.wageMin.trim() !== "" ? { min: number(form.wageMin) } : {}),
        ...(form.wageMax.trim() !== "" ? { max: number(form.wageMax) } : {}),
        currency: form.wageCurrency.trim(),
      } } : {}),
      acceptsRefugees: form.acceptsRefugees, permitSponsorship: form.permitSponsorship,
    } as unknown as Schemas["Opening"];
    const { data, error, response } = await api.POST("/api/openings", { body });
    if (data !== undefined) {
      setErrors(noErrors);
      setForm(blank);
      setMessage({ kind: "info", text: words.published(data.results.map((r) => r.id).join(", ")) });
      props.onPublished();
      return;
    }
    setErrors(response.status === 400 && isProblem(error) ? placeErrors(error.errors, paths) : noErrors);
    setMessage({ kind: "error", text: failure(words, error, response.status) });
  };

  return (
    <section class="panel" aria-labelledby="publish-title">
      <h2 id="publish-title">{words.publishOpening}</h2>
      <form onSubmit={submit} noValidate>
        <div class="grid">
          <Field path="externalRef" label={words.openingRef} value={form.externalRef} onInput={(v) => set({ externalRef: v })}
            errors={at("externalRef")} />
          <Field path="employer" label={words.employer} value={form.employer} onInput={(v) => set({ employer: v })}
            errors={at("employer")} />
          <Field path="title" label={words.openingTitle} value={form.title} onInput={(v) => set({ title: v })} errors={at("title")} />
          <Field path="isco" label={words.isco} value={form.isco} inputMode="numeric" onInput={(v) => set({ isco: v })}
            errors={at("isco")} />
          <Select path="location.country" label={words.openingCountry} value={form.country} errors={at("location.country")}
            onChange={(v) => set({ country: v })}
            options={regionCountryCodes.map((c): [string, string] => [c, countryName(c, language)])} />
          <Field path="location.city" label={words.openingCity} value={form.city} onInput={(v) => set({ city: v })}
            errors={at("location.city")} />
          <Field path="positions" label={words.positions} type="number" inputMode="numeric" value={form.positions}
            onInput={(v) => set({ positions: v })} errors={at("positions")} />
          <Field path="startDate" label={words.startDate} type="date" value={form.startDate} onInput={(v) => set({ startDate: v })}
            errors={at("startDate")} />
          <Field path="expiresOn" label={words.expiresOn} type="date" value={form.expiresOn} onInput={(v) => set({ expiresOn: v })}
            errors={at("expiresOn")} />
          <Field path="monthlyWage.min" label={words.wageMin} type="number" value={form.wageMin} onInput={(v) => set({ wageMin: v })}
            errors={at("monthlyWage.min")} />
          <Field path="monthlyWage.max" label={words.wageMax} type="number" value={form.wageMax} onInput={(v) => set({ wageMax: v })}
            errors={at("monthlyWage.max")} />
          <Field path="monthlyWage.currency" label={words.wageCurrency} value={form.wageCurrency} onInput={(v) => set({ wageCurrency: v })}
            errors={at("monthlyWage.currency")} />
        </div>
        <Check path="acceptsRefugees" label={words.acceptsRefugees} checked={form.acceptsRefugees}
          onChange={(v) => set({ acceptsRefugees: v })} />
        <Check path="permitSponsorship" label={words.permitSponsorship} checked={form.permitSponsorship}
          onChange={(v) => set({ permitSponsorship: v })} />
        <button type="submit">{words.publish}</button>
      </form>
      {errors.elsewhere.length > 0 && <ul class="errors">{errors.elsewhere.map(([p, m]) => <li key={p + m}>{p}: {m}</li>)}</ul>}
      {message !== null && <Status kind={message.kind}>{message.text}</Status>}
    </section>
  );
}

function OpeningsList(props: { readonly version: number }) {
  const { api } = useApp();
  const { words, language } = useWords();
  const [country, setCountry] = useState("");
  const [openings, setOpenings] = useState<Schemas["StoredOpening"][]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const load = async (token: string | null) => {
    const query = { pageSize: 20, ...(country !== "" ? { country } : {}), ...(token !== null ? { continuationToken: token } : {}) };
    const { data, error, response } = await api.GET("/api/openings", { params: { query } });
    if (data === undefined) {
      setMessage({ kind: "error", text: failure(words, error, response.status) });
      return;
    }
    setOpenings((shown) => (token === null ? data.items : [...shown, ...data.items]));
    setNext(data.continuationToken);
  };

  useEffect(() => {
    void load(null);
  }, [api, country, props.version]);

  const close = async (opening: Schemas["StoredOpening"]) => {
    const { error, response } = await api.DELETE("/api/openings/{id}", { params: { path: { id: opening.id } } });
    if (!response.ok) {
      setMessage({ kind: "error", text: failure(words, error, response.status) });
      return;
    }
    setOpenings((shown) => shown.filter((o) => o.id !== opening.id));
    setMessage({ kind: "info", text: words.closed(opening.title) });
  };

  return (
    <section class="panel" aria-labelledby="openings-title">
      <h2 id="openings-title">{words.openingsList}</h2>
      <Select path="openings.country" label={words.openingCountry} value={country} onChange={setCountry}
        options={[["", words.countryAny], ...regionCountryCodes.map((c): [string, string] => [c, countryName(c, language)])]} />
      {message !== null && <Status kind={message.kind}>{message.text}</Status>}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{words.openingTitle}</th><th scope="col">{words.employer}</th><th scope="col">{words.openingCity}</th>
              <th scope="col">{words.positions}</th><th scope="col">{words.actions}</th>
            </tr>
          </thead>
          <tbody>
            {openings.map((o) => (
              <tr key={o.id}>
                <td>{o.title}</td>
                <td>{o.employer}</td>
                <td>{o.location.city} ({countryName(o.location.country, language)})</td>
                <td>{words.freePositions(o.positions - o.positionsFilled, o.positions)}</td>
                <td><button type="button" class="secondary" onClick={() => void close(o)}
                  aria-label={`${words.close}: ${o.title}, ${o.location.city}`}>
                  {words.close}
                </button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next !== null && <button type="button" class="secondary" onClick={() => void load(next)}>{words.moreOpenings}</button>}
    </section>
  );
}

function RunDigest() {
  const { api } = useApp();
  const { words } = useWords();
  const [week, setWeek] = useState(() => isoWeek(new Date(today())));
  const [message, setMessage] = useState<Message>(null);
  const run = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    const { data, error, response } = await api.POST("/api/digests/{week}/run", { params: { path: { week: week.trim() } } });
    setMessage(data !== undefined
      ? { kind: "info", text: words.digestRun(data.week, data.computed, data.people, data.recommendations) }
      : { kind: "error", text: failure(words, error, response.status) });
  };
  return (
    <section class="panel" aria-labelledby="run-title">
      <h2 id="run-title">{words.runDigest}</h2>
      <form class="inline" onSubmit={run}>
        <Field path="run.week" label={words.week} value={week} onInput={setWeek} />
        <button type="submit">{words.run}</button>
      </form>
      {message !== null && <Status kind={message.kind}>{message.text}</Status>}
    </section>
  );
}
