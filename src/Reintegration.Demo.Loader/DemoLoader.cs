using System.Globalization;
using System.Net;
using System.Text.Json;
using Reintegration.Domain;
using Reintegration.Reference;
using Spectre.Console;
using Profile = Reintegration.Domain.Profile;

namespace Reintegration.Demo.Loader;

/// <summary>
/// Loads the demo data through the HTTP API, phase by phase: registers the centres, posts each
/// centre's profiles with its own key, posts the openings with the admin key, runs this week's
/// digest, and finds a person worth showing. Running it again against the same storage changes
/// nothing but the centres' keys: a centre that exists is given a new key instead of a twin, and
/// profiles and openings are upserts by their references.
/// </summary>
internal sealed class DemoLoader(ApiClient api, LoaderOptions options, IAnsiConsole console, TimeProvider time)
{
    /// <summary>Items per POST: the API's limit.</summary>
    public const int BatchSize = 500;

    public async Task<LoadOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var today = options.Today ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var data = new DemoData(ReferenceData.Shared, options.Seed, today);
        if (options.Centres > data.Centres().Count)
        {
            throw new ApiFailure($"--centres: the demo data has {data.Centres().Count} centres.");
        }

        var demoCentres = data.Centres().Take(options.Centres).ToList();
        var centres = await RegisterAsync(demoCentres, cancellationToken);

        var caseloads = demoCentres.Select((c, i) => data.Profiles(c, Share(options.Profiles, demoCentres.Count, i))).ToList();
        var (profiles, firstIds) = await PostProfilesAsync(centres, caseloads, cancellationToken);
        var openings = await PostOpeningsAsync(data.Openings(options.Openings), cancellationToken);

        var digest = await RunDigestAsync(today, cancellationToken);
        var showcase = await FindShowcaseAsync(centres[0], caseloads[0], firstIds, today, cancellationToken);
        return new LoadOutcome(centres, profiles, openings, digest, showcase, firstIds.FirstOrDefault() ?? "", time.GetElapsedTime(started));
    }

    /// <summary>The number of profiles of centre <paramref name="index"/> when <paramref name="total"/> are spread over <paramref name="count"/>.</summary>
    public static int Share(int total, int count, int index) => total / count + (index < total % count ? 1 : 0);

    /// <summary>Registers each demo centre, or, where it exists already (an earlier run), gives it a new key: its old one was not kept.</summary>
    private async Task<List<RegisteredCentre>> RegisterAsync(IReadOnlyList<DemoCentre> demoCentres, CancellationToken cancellationToken)
    {
        var registered = new List<RegisteredCentre>();
        await PhaseAsync([("Centres", demoCentres.Count)], async tasks =>
        {
            var existing = await ExistingCentresAsync(cancellationToken);
            foreach (var centre in demoCentres)
            {
                if (existing.GetValueOrDefault((centre.Country, centre.Name)) is not { } id)
                {
                    var body = new CentreRegistration(centre.Name, centre.Country, centre.Region, centre.Language);
                    var response = await api.SendAsync(HttpMethod.Post, "/api/centres", options.AdminKey,
                        JsonSerializer.SerializeToUtf8Bytes(body, LoaderJsonContext.Default.CentreRegistration), cancellationToken);
                    if (response.Status != HttpStatusCode.Conflict)
                    {
                        registered.Add(ApiClient.Read(HttpMethod.Post, "/api/centres", response, LoaderJsonContext.Default.RegisteredCentre));
                        tasks[0].Increment(1);
                        continue;
                    }

                    // Registered meanwhile (a registration whose answer was lost, retried): find it.
                    id = (await ExistingCentresAsync(cancellationToken)).GetValueOrDefault((centre.Country, centre.Name))
                        ?? throw ApiFailure.From("POST /api/centres", response.Status, response.Body);
                }

                registered.Add(await api.PostAsync<RegisteredCentre?, RegisteredCentre>($"/api/centres/{id}/keys", options.AdminKey, null,
                    LoaderJsonContext.Default.RegisteredCentre, LoaderJsonContext.Default.RegisteredCentre, cancellationToken));
                tasks[0].Increment(1);
            }
        });
        return registered;
    }

    /// <summary>The centres there are, by country and name (names are unique within a country).</summary>
    private async Task<Dictionary<(string Country, string Name), string>> ExistingCentresAsync(CancellationToken cancellationToken)
    {
        var centres = new Dictionary<(string, string), string>();
        string? token = null;
        do
        {
            var path = "/api/centres?pageSize=1000" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await api.GetAsync(path, options.AdminKey, LoaderJsonContext.Default.CentrePage, cancellationToken);
            foreach (var centre in page.Items)
            {
                centres[(centre.Country, centre.Name)] = centre.Id;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return centres;
    }

    /// <summary>Posts every centre's caseload with its key; returns the tally and the ids of the first centre's profiles, in order.</summary>
    private async Task<(UpsertTally Tally, List<string> FirstIds)> PostProfilesAsync(
        IReadOnlyList<RegisteredCentre> centres, IReadOnlyList<IReadOnlyList<Profile>> caseloads, CancellationToken cancellationToken)
    {
        var tally = new UpsertTally(0, 0);
        var firstIds = new List<string>();
        await PhaseAsync(centres.Select((c, i) => ($"Profiles · {c.Name}", caseloads[i].Count)).ToList(), async tasks =>
        {
            for (var i = 0; i < centres.Count; i++)
            {
                foreach (var batch in caseloads[i].Chunk(BatchSize))
                {
                    var response = await api.PostAsync("/api/profiles", centres[i].ApiKey, batch.ToList(),
                        ReintegrationJsonContext.Default.ListProfile, LoaderJsonContext.Default.UpsertResponse, cancellationToken);
                    tally = tally.Add(response);
                    if (i == 0)
                    {
                        firstIds.AddRange(response.Results.OrderBy(r => r.Index).Select(r => r.Id));
                    }

                    tasks[i].Increment(batch.Length);
                }
            }
        });
        return (tally, firstIds);
    }

    private async Task<UpsertTally> PostOpeningsAsync(IReadOnlyList<Opening> openings, CancellationToken cancellationToken)
    {
        var tally = new UpsertTally(0, 0);
        await PhaseAsync([("Openings", openings.Count)], async tasks =>
        {
            foreach (var batch in openings.Chunk(BatchSize))
            {
                var response = await api.PostAsync("/api/openings", options.AdminKey, batch.ToList(),
                    ReintegrationJsonContext.Default.ListOpening, LoaderJsonContext.Default.UpsertResponse, cancellationToken);
                tally = tally.Add(response);
                tasks[0].Increment(batch.Length);
            }
        });
        return tally;
    }

    /// <summary>Runs this week's digest. A 404 is a warning: the digest routes may not exist in this build yet.</summary>
    private async Task<string> RunDigestAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var week = IsoWeekLabel.Of(today);
        var path = $"/api/digests/{week}/run";
        var response = await api.SendAsync(HttpMethod.Post, path, options.AdminKey, null, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound)
        {
            console.MarkupLine($"[yellow]{Markup.Escape($"Warning: POST {path} answered 404; this build may not have the digest routes yet.")}[/]");
            return $"Digest {week}: not run (404).";
        }

        return response.IsSuccess
            ? $"Digest {week}: computed."
            : throw ApiFailure.From($"POST {path}", response.Status, response.Body);
    }

    private async Task<Probe?> FindShowcaseAsync(
        RegisteredCentre centre, IReadOnlyList<Profile> caseload, IReadOnlyList<string> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var probes = new List<Probe>();
        foreach (var (id, hasBan) in Showcase.Candidates(ids.Zip(caseload), today))
        {
            var matches = await api.GetAsync($"/api/profiles/{id}/matches?top=3&explain=false", centre.ApiKey,
                LoaderJsonContext.Default.MatchSummary, cancellationToken);
            probes.Add(new Probe(id, hasBan, matches.Matches.Count));
            if (Showcase.IsIdeal(probes[^1]))
            {
                break;
            }
        }

        return Showcase.Choose(probes);
    }

    /// <summary>
    /// One progress display with a bar per task. Where the output is not an interactive terminal (a pipe,
    /// a CI log) Spectre prints milestone lines instead, and each task ends with a line of its own.
    /// </summary>
    private async Task PhaseAsync(IReadOnlyList<(string Description, int Total)> tasks, Func<IReadOnlyList<ProgressTask>, Task> work)
    {
        var started = time.GetTimestamp();
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var progress = tasks.Select(t => context.AddTask(Markup.Escape(t.Description), maxValue: Math.Max(t.Total, 1))).ToList();
                await work(progress);
                foreach (var task in progress)
                {
                    task.Value = task.MaxValue;
                }
            });
        if (!console.Profile.Capabilities.Interactive)
        {
            var seconds = time.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            foreach (var (description, total) in tasks)
            {
                console.MarkupLine(Markup.Escape($"{description}: {total} done ({seconds} s)."));
            }
        }
    }
}
