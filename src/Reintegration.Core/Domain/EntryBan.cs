namespace Reintegration.Domain;

/// <summary>
/// A re-entry ban issued by <see cref="Country"/>. <see cref="Until"/> is the day it ends: entry is
/// allowed again that day. No <see cref="Until"/> means the ban has no end.
/// </summary>
public sealed record EntryBan
{
    public string Country { get; init => field = Codes.Upper(value) ?? ""; } = "";
    public DateOnly? From { get; init; }
    public DateOnly? Until { get; init; }
}
