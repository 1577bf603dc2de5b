namespace Reintegration.Storage.Infrastructure;

/// <summary>Another writer changed the entity since it was read (an ETag mismatch): 412 to the client.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
