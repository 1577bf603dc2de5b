using System.Net;
using System.Text;
using System.Text.Json;

namespace Reintegration.Demo.Loader;

/// <summary>A call that failed for good: a non-2xx answer (after any retries), or no answer at all.</summary>
internal sealed class ApiFailure(string message) : Exception(message)
{
    /// <summary>"POST /api/profiles: 400 One or more fields are invalid — detail", then one line per field error.</summary>
    public static ApiFailure From(string call, HttpStatusCode status, byte[] body) => new($"{call}: {Describe(status, body)}");

    public static string Describe(HttpStatusCode status, byte[] body)
    {
        var text = new StringBuilder().Append((int)status);
        ProblemDocument? problem = null;
        try
        {
            problem = body.Length > 0 ? JsonSerializer.Deserialize(body, LoaderJsonContext.Default.ProblemDocument) : null;
        }
        catch (JsonException)
        {
            // Not a problem document: the raw body is shown instead.
        }

        if (problem is null)
        {
            var raw = Encoding.UTF8.GetString(body).Trim();
            return text.Append(' ').Append(status).Append(raw.Length == 0 ? "" : $" — {(raw.Length > 300 ? raw[..300] + "…" : raw)}").ToString();
        }

        text.Append(' ').Append(problem.Title ?? status.ToString());
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            text.Append(" — ").Append(problem.Detail);
        }

        foreach (var (field, messages) in (problem.Errors ?? []).Take(20))
        {
            text.Append('\n').Append("  ").Append(field).Append(": ").Append(string.Join("; ", messages));
        }

        return text.ToString();
    }
}
