using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>Full-page screenshots kept as test artefacts in TestResults/screenshots at the repository root.</summary>
public static class Screenshots
{
    public static string Directory { get; } = FindDirectory();

    static string FindDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsTracker.sln"))) dir = dir.Parent;
        var root = dir?.FullName ?? AppContext.BaseDirectory;
        return Path.Combine(root, "TestResults", "screenshots");
    }

    /// <summary>
    /// Saves the page as TestResults/screenshots/{name}.png and returns the path: the whole page, or only what is in view
    /// (to show where the browser scrolled to).
    /// </summary>
    public static async Task<string> SaveAsync(IPage page, string name, ITestOutputHelper? output = null, bool fullPage = true)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        output?.WriteLine($"screenshot: {path}");
        return path;
    }
}
