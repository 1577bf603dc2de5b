using System.Globalization;
using System.Net;
using Reintegration.Client.Models;
using Reintegration.Reference;
using Spectre.Console;
using Opening = Reintegration.Domain.Opening;
using OpeningsBody = Reintegration.Client.Api.Openings.OpeningsRequestBuilder.OpeningsPostRequestBody;
using Profile = Reintegration.Domain.Profile;
using ProfilesBody = Reintegration.Client.Api.Profiles.ProfilesRequestBuilder.ProfilesPostRequestBody;

namespace Reintegration.Demo.Loader;

/// <summary>
/// Loads the demo data through the HTTP API and its generated client, phase by phase: registers the
/// centres, posts each centre's profiles with its own key, posts the openings with the admin key, runs
/// this week's digest, and finds a person worth showing. Running it again against the same storage changes
/// nothing but the centres' keys: a centre that exists is given a new key instead of a twin, and
/// profiles and openings are upserts by their references.
/// </summary>
internal sealed class DemoLoader(LoaderApi api, LoaderOptions options, IAnsiConsole console, TimeProvider time)
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
        var admin = api.As(options.AdminKey);
        var registered = new List<RegisteredCentre>();
        await PhaseAsync([("Centres", demoCentres.Count)], async tasks =>
        {
            var existing = await ExistingCentresAsync(cancellationToken);
            foreach (var centre in demoCentres)
            {
                if (existing.GetValueOrDefault((centre.Country, centre.Name)) is not { } id)
                {
                    var body = new CentreRequest
                    {
                        Name = centre.Name,
                        Country = centre.Country,
                        Region = centre.Region,
                        Language = Enum.Parse<ServiceLanguage>(centre.Language, ignoreCase: true),
                    };
                    try
                    {
                        var created = await ApiFailure.GuardAsync(
                            "POST /api/centres", () => admin.Api.Centres.PostAsync(body, null, cancellationToken));
                        registered.Add(Registered(created));
                        tasks[0].Increment(1);
                        continue;
                    }
                    catch (ApiFailure conflict) when (conflict.Status == (int)HttpStatusCode.Conflict)
                    {
                        // Registered meanwhile (a registration whose answer was lost, retried): find it.
                        id = (await ExistingCentresAsync(cancellationToken)).GetValueOrDefault((centre.Country, centre.Name));
                        if (id is null)
                        {
                            throw;
                        }
                    }
                }

                var rotated = await ApiFailure.GuardAsync(
                    $"POST /api/centres/{id}/keys", () => admin.Api.Centres[id].Keys.PostAsync(null, cancellationToken));
                registered.Add(Registered(rotated));
                tasks[0].Increment(1);
            }
        });
        return registered;
    }

    private static RegisteredCentre Registered(CentreCreated centre) => new(centre.Id!, centre.Name!, centre.Country!, centre.ApiKey!);

    /// <summary>The centres there are, by country and name (names are unique within a country).</summary>
    private async Task<Dictionary<(string Country, string Name), string>> ExistingCentresAsync(CancellationToken cancellationToken)
    {
        var centres = new Dictionary<(string, string), string>();
        string? token = null;
        do
        {
            var page = await ApiFailure.GuardAsync("GET /api/centres", () => api.As(options.AdminKey).Api.Centres.GetAsync(
                request =>
                {
                    request.QueryParameters.PageSize = 1000;
                    request.QueryParameters.ContinuationToken = token;
                },
                cancellationToken));
            foreach (var centre in page.Items ?? [])
            {
                centres[(centre.Country!, centre.Name!)] = centre.Id!;
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
                var client = api.As(centres[i].ApiKey);
                foreach (var batch in caseloads[i].Chunk(BatchSize))
                {
                    var body = new ProfilesBody { Profile = ClientModels.Profiles(batch) };
                    var response = await ApiFailure.GuardAsync(
                        "POST /api/profiles", () => client.Api.Profiles.PostAsync(body, null, cancellationToken));
                    tally = tally.Add(response);
                    if (i == 0)
                    {
                        firstIds.AddRange(response.Results!.OrderBy(r => r.Index).Select(r => r.Id!));
                    }

                    tasks[i].Increment(batch.Length);
                }
            }
        });
        return (tally, firstIds);
    }

    private async Task<UpsertTally> PostOpeningsAsync(IReadOnlyList<Opening> openings, CancellationToken cancellationToken)
    {
        var admin = api.As(options.AdminKey);
        var tally = new UpsertTally(0, 0);
        await PhaseAsync([("Openings", openings.Count)], async tasks =>
        {
            foreach (var batch in openings.Chunk(BatchSize))
            {
                var body = new OpeningsBody { Opening = ClientModels.Openings(batch) };
                var response = await ApiFailure.GuardAsync(
                    "POST /api/openings", () => admin.Api.Openings.PostAsync(body, null, cancellationToken));
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
        try
        {
            var admin = api.As(options.AdminKey);
            await ApiFailure.GuardAsync($"POST {path}", () => admin.Api.Digests[week].Run.PostAsync(null, cancellationToken));
            return $"Digest {week}: computed.";
        }
        catch (ApiFailure e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            console.MarkupLine($"[yellow]{Markup.Escape($"Warning: POST {path} answered 404; this build may not have the digest routes yet.")}[/]");
            return $"Digest {week}: not run (404).";
        }
    }

    private async Task<Probe?> FindShowcaseAsync(
        RegisteredCentre centre, IReadOnlyList<Profile> caseload, IReadOnlyList<string> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var client = api.As(centre.ApiKey);
        var probes = new List<Probe>();
        foreach (var (id, hasBan) in Showcase.Candidates(ids.Zip(caseload), today))
        {
            var matches = await ApiFailure.GuardAsync($"GET /api/profiles/{id}/matches", () => client.Api.Profiles[id].Matches.GetAsync(
                request =>
                {
                    request.QueryParameters.Top = 3;
                    request.QueryParameters.Explain = false;
                },
                cancellationToken));
            probes.Add(new Probe(id, hasBan, matches.Matches?.Count ?? 0));
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
