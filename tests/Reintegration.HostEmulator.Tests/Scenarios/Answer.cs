namespace Reintegration.HostEmulator.Scenarios;

/// <summary>What the API answered to one step of a scenario: what two modes must agree on.</summary>
public sealed record Answer(string Step, int Status, string? ContentType, string? ProblemType, string? RetryAfter, string Body)
{
    public override string ToString() => $"{Step}: {Status} {ContentType} {ProblemType} retry-after={RetryAfter}\n{Body}";
}
