namespace NewsTracker.Core.Feeds;

/// <summary>
/// One spelling for the many URLs of one article: lower-case scheme and host, no fragment, no default port,
/// and no tracking parameters (utm_*, fbclid, gclid and the like), which vary per share and never per article.
/// </summary>
public static class CanonicalUrl
{
    static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "ocid", "cmpid", "cmp", "ito", "smid", "sr_share", "ncid", "ref", "ref_src", "ref_url",
        "share", "taid", "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
        "rss", "feed", "feedName", "__twitter_impression", "s_cid", "soc_src", "soc_trk", "spm",
    };

    /// <summary>The canonical form of an absolute http(s) URL; any other text comes back trimmed and unchanged.</summary>
    public static string Of(string url)
    {
        url = url.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return url;

        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(Uri.UnescapeDataString(pair.Split('=', 2)[0])));
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.Host.ToLowerInvariant(),
            Port = uri.IsDefaultPort ? -1 : uri.Port,
            Query = string.Join('&', kept),
            Fragment = "",
        };
        return builder.Uri.AbsoluteUri;
    }

    static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("mtm_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("pk_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
}
