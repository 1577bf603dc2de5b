using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Http;
using Reintegration.Storage.Profiles;
using Reintegration.Validation;

namespace Reintegration.Functions.Profiles;

/// <summary>Profiles from a CSV file: valid rows are upserted, the others reported by line with their errors.</summary>
public sealed class ImportFunction(Api api, ProfileStore profiles, ProfileQuotas quotas, ProfileValidator validator, TimeProvider time, IOptions<ApiOptions> options)
{
    [PersonalData("the profiles in the file")]
    [Function("ImportProfiles")]
    public Task<IResult> Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "profiles/import")] HttpRequest request) =>
        api.HandleAuditedAsync(request, Roles.Centre, "ImportProfiles", async (caller, trail, cancellationToken) =>
        {
            var body = await RequestBody.ReadAsync(request, "text/csv", options.Value.MaxBodyBytes, cancellationToken);
            IReadOnlyList<ProfileCsv.Row> rows;
            try
            {
                rows = ProfileCsv.Read(new StringReader(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body).TrimStart('\uFEFF')));
            }
            catch (Exception e) when (e is CsvFormatException or DecoderFallbackException)
            {
                return Problems.Invalid("$", e is CsvFormatException ? e.Message : "The file is not UTF-8 text.");
            }

            var today = time.UtcToday();
            var rejected = new RejectedLines(body.Length);
            var accepted = new List<ProfileCsv.Row>();
            var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                // Cells that could not be read, and every rule the rest of the row breaks, as the JSON route reports them.
                var errors = row.Errors;
                if (row.Profile is not null)
                {
                    foreach (var (path, messages) in validator.Validate(row.Profile, today).ToDictionary().Where(e => !row.Errors.Has(e.Key)))
                    {
                        foreach (var message in messages)
                        {
                            errors.Add(path, message);
                        }
                    }
                }

                if (errors.IsEmpty && !lineOf.TryAdd(row.Profile!.ExternalRef, row.Line))
                {
                    errors.Add("externalRef", $"Repeats the external reference of line {lineOf[row.Profile.ExternalRef]}.");
                }

                if (errors.IsEmpty)
                {
                    accepted.Add(row);
                }
                else
                {
                    rejected.Add(new RejectedLine(row.Line, errors.ToDictionary()));
                }
            }

            if (accepted.Count > options.Value.MaxItems * 20)
            {
                return Problems.TooLarge($"The file has {accepted.Count} profiles; send at most {options.Value.MaxItems * 20} per import.");
            }

            if (accepted.Count > 0 && await quotas.CheckAsync(caller.Centre!, accepted.Select(r => r.Profile!.ExternalRef), cancellationToken) is { } overQuota)
            {
                return overQuota;
            }

            var outcomes = accepted.Count == 0 ? [] : await profiles.UpsertAsync(caller.Centre!.Id, accepted.Select(r => r.Profile!).ToList(), cancellationToken);
            trail.Touched(outcomes.Select(o => o.Id));
            return TypedResults.Json(new ImportResponse(outcomes.Count(o => o.Created), outcomes.Count(o => !o.Created), rejected.Listed, rejected.Count), ApiJsonContext.Web.ImportResponse);
        });
}
