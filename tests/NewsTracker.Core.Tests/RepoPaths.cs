namespace NewsTracker.Core.Tests;

/// <summary>Finds the repository's root from the test binaries, so tests can read its bundled samples.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsTracker.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("NewsTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
