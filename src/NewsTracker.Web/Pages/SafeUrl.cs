namespace NewsTracker.Web.Pages;

/// <summary>Links taken from feeds are untrusted: only http(s) ones become hrefs (never javascript: or data:).</summary>
public static class SafeUrl
{
    public static string? Http(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri : null;
}
