using System.Text;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Reintegration.Client.Models;

namespace Reintegration.Demo.Loader;

/// <summary>
/// A call that failed for good: an error answer (after any retries), with its status when there was one, or no answer at all.
/// </summary>
internal sealed class ApiFailure(string message, int? status = null) : Exception(message)
{
    public int? Status { get; } = status;

    /// <summary>Runs a call of the generated client; an error it answers with becomes a failure that names the call.</summary>
    public static async Task<T> GuardAsync<T>(string call, Func<Task<T?>> send)
        where T : class
    {
        try
        {
            return await send() ?? throw new ApiFailure($"{call}: the answer was empty.");
        }
        catch (ProblemDetails problem)
        {
            throw new ApiFailure($"{call}: {Describe(problem)}", problem.ResponseStatusCode);
        }
        catch (ApiException e)
        {
            throw new ApiFailure($"{call}: {e.ResponseStatusCode} {e.Message}", e.ResponseStatusCode);
        }
    }

    /// <summary>"400 One or more fields are invalid — detail", then one line per field error.</summary>
    public static string Describe(ProblemDetails problem)
    {
        var text = new StringBuilder().Append(problem.ResponseStatusCode).Append(' ').Append(problem.Title);
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            text.Append(" — ").Append(problem.Detail);
        }

        foreach (var (field, messages) in (problem.Errors?.AdditionalData ?? new Dictionary<string, object>()).Take(20))
        {
            var lines = messages is UntypedArray array
                ? array.GetValue().OfType<UntypedString>().Select(s => s.GetValue())
                : [messages.ToString()];
            text.Append('\n').Append("  ").Append(field).Append(": ").Append(string.Join("; ", lines));
        }

        return text.ToString();
    }
}
