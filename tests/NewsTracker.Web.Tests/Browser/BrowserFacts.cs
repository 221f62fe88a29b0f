using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>Where the browser tests find Chromium: Debian's package, never a browser downloaded by Playwright.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public const string SkipReason =
        $"Chromium is not installed at {ExecutablePath}; install it with `apt-get install -y chromium` (.ci/run does) to run the browser tests.";
}

/// <summary>A browser test: skipped, with the reason, on a machine without Chromium (instead of passing without a browser).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled) Skip = Chromium.SkipReason;
    }
}

/// <summary>A data-driven browser test, skipped like <see cref="ChromiumFactAttribute"/>.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!Chromium.IsInstalled) Skip = Chromium.SkipReason;
    }
}

/// <summary>
/// A browser test of the search page (/search). Skipped, with the reason, while the app has no page at /search
/// (the page is built on another branch); once it is merged the test runs with no change.
/// </summary>
public sealed class SearchPageFactAttribute : FactAttribute
{
    public SearchPageFactAttribute()
    {
        if (!Chromium.IsInstalled) Skip = Chromium.SkipReason;
        else if (!AppHasSearchPage()) Skip = "The app has no Razor page at /search yet (Pages/Search); this test runs once the search page is merged.";
    }

    /// <summary>True when a compiled Razor page of the app is Pages/Search/... or has the route template "/search".</summary>
    static bool AppHasSearchPage()
    {
        var web = typeof(NewsTracker.Web.Pages.Timeline.IndexModel).Assembly;
        foreach (var item in web.GetCustomAttributes<RazorCompiledItemAttribute>())
        {
            if (item.Identifier.StartsWith("/Pages/Search/", StringComparison.OrdinalIgnoreCase)) return true;
            var route = item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>()
                .FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            if (route is not null && route.TrimStart('/').Split('/', '?')[0].Equals("search", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
