// A CSV file of people: the counts of those created and updated, and each rejected line with every error.
import { useState } from "preact/hooks";
import type { Schemas } from "../api/client";
import { failure, useApp } from "../app/context";
import { Status } from "../components/Field";
import { useWords } from "../i18n";

export function ImportPage() {
  const { api } = useApp();
  const { words } = useWords();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Schemas["ImportResponse"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    setError(null);
    if (file === null) {
      setError(words.chooseFile);
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const { data, error: problem, response } = await api.POST("/api/profiles/import", {
        body: text,
        bodySerializer: (body: string) => body,
        headers: { "Content-Type": "text/csv" },
      });
      if (data === undefined) setError(failure(words, problem, response.status));
      else setResult(data);
    } catch {
      setError(words.problemNetwork);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>{words.importTitle}</h1>
      <p>{words.importIntro}</p>
      <form onSubmit={upload}>
        <div class="field">
          <label for="csv-file">{words.importFile}</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </div>
        <button type="submit" disabled={busy}>{busy ? words.importing : words.importButton}</button>
      </form>
      {error !== null && <Status kind="error">{error}</Status>}
      {result !== null && (
        <>
          <Status kind="info">{words.importResult(result.created, result.updated, result.rejectedCount)}</Status>
          {result.rejected.length > 0 && (
            <div class="table-wrap">
              <table class="rejected">
                <caption>{words.rejectedLines}</caption>
                <thead>
                  <tr><th scope="col">{words.line}</th><th scope="col">{words.field}</th><th scope="col">{words.errors}</th></tr>
                </thead>
                <tbody>
                  {result.rejected.flatMap((line) =>
                    Object.entries(line.errors).map(([field, messages], i) => (
                      <tr key={`${line.line}-${field}`}>
                        {i === 0 ? <th scope="row" rowSpan={Object.keys(line.errors).length}>{line.line}</th> : null}
                        <td>{field}</td>
                        <td>{messages.join(" ")}</td>
                      </tr>
                    )))}
                </tbody>
              </table>
            </div>
          )}
          {result.rejectedCount > result.rejected.length && <p>{words.moreRejected(result.rejectedCount - result.rejected.length)}</p>}
        </>
      )}
    </section>
  );
}
