using Azure;
using Reintegration.Domain;

namespace Reintegration.Storage.Profiles;

/// <summary>A profile as stored for its centre: its id (derived from the centre and the external reference), the document, and its version.</summary>
public sealed record StoredProfile(string Id, string CentreId, Profile Profile, DateTimeOffset UpdatedAt, ETag ETag)
{
    /// <summary>When the profile was first stored (its updates keep it).</summary>
    public DateTimeOffset CreatedAt { get; init; } = UpdatedAt;
}
