using System.ComponentModel.DataAnnotations;

namespace NewsTracker.Web;

/// <summary>Where readers reach the app. Links the app writes into documents read elsewhere (the Atom feeds) start here, never from a request's Host header, which any client can set.</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "NewsTracker";

    /// <summary>The public address, e.g. https://tracker.example.org (no trailing path needed).</summary>
    [Required]
    public string PublicUrl { get; set; } = "http://localhost:5219";

    public Uri BaseUri => new(PublicUrl.TrimEnd('/') + "/");

    /// <summary>An absolute link to a path of the app, e.g. "/events/12".</summary>
    public string Link(string pathAndQuery) => new Uri(BaseUri, pathAndQuery.TrimStart('/')).ToString();

    public static bool IsValid(PublicSiteOptions options) =>
        Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
