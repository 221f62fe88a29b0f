using System.Security.Cryptography;
using System.Text;

namespace NewsTracker.Web.Admin;

/// <summary>
/// The administrator's password, from configuration (NewsTracker:AdminPassword, e.g. the environment variable
/// NewsTracker__AdminPassword); never in the repository. Without one, nothing that changes data can be done.
/// </summary>
public sealed class AdminPassword(IConfiguration configuration)
{
    public const string ConfigurationKey = "NewsTracker:AdminPassword";

    string? Configured => configuration[ConfigurationKey] is { Length: > 0 } p ? p : null;

    public bool IsConfigured => Configured is not null;

    /// <summary>Compares hashes in constant time, so the response time tells nothing about the password.</summary>
    public bool Matches(string? attempt) =>
        Configured is string expected && attempt is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(attempt)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
