// Sign in with a key: a centre key opens the centre's pages in the centre's language; the admin key, the admin's.
import { useState } from "preact/hooks";
import { apiFor } from "../app/api";
import type { Session } from "../app/session";
import { Field, Status } from "../components/Field";
import { useWords } from "../i18n";

export function SignInPage(props: { readonly onSignedIn: (session: Session) => void }) {
  const { words, language } = useWords();
  const [key, setKey] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const api = apiFor(key.trim(), () => language);
      const centre = await api.GET("/api/centres/me");
      if (centre.data !== undefined) {
        props.onSignedIn({
          key: key.trim(), role: "centre", centreName: centre.data.name, country: centre.data.country, language: centre.data.language,
        });
        return;
      }
      if (centre.response.status === 403) {
        // Valid, but not a centre's: the admin key.
        const centres = await api.GET("/api/centres", { params: { query: { pageSize: 1 } } });
        if (centres.data !== undefined) {
          props.onSignedIn({ key: key.trim(), role: "admin", centreName: null, country: null, language });
          return;
        }
      }
      const status = centre.response.status;
      setMessage(status === 401 ? words.signInWrongKey : words.problemServer(status, centre.error?.detail ?? ""));
    } catch {
      setMessage(words.problemNetwork);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1>{words.signInTitle}</h1>
      <p>{words.signInIntro}</p>
      <form onSubmit={submit}>
        <Field path="key" label={words.signInKey} type="password" value={key} onInput={setKey} required />
        <button type="submit" disabled={busy}>{words.signInButton}</button>
      </form>
      {message !== null && <Status kind="error">{message}</Status>}
    </section>
  );
}
