using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using NewsTracker.Web;
using NewsTracker.Web.Data;

namespace NewsTracker.Benchmarks;

/// <summary>
/// The real app, built the way Program.cs builds it (AddNewsTracker, UseNewsTracker, DatabaseStartup), over a
/// SQLite file (or a PostgreSQL database, its connection string in place of the file). The web project is the
/// application assembly, so its Razor Pages are found as in production.
/// </summary>
static class AppHost
{
    public static async Task<WebApplication> StartAsync(string dbFile, bool ingestionEnabled, bool listen,
        IDictionary<string, string?>? extra = null, StoreProvider provider = StoreProvider.Sqlite)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AppSetup).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:NewsTracker"] = provider == StoreProvider.PostgreSql ? dbFile : $"Data Source={dbFile}",
            [StoreConfiguration.ProviderKey] = provider.ToString(),
            ["NewsTracker:DataProtectionKeys"] = "",
            ["NewsTracker:Ingestion:Enabled"] = ingestionEnabled ? "true" : "false",
            // Replace the configured sample feed: the benchmark decides which feeds exist.
            ["NewsTracker:Ingestion:Feeds:0"] = "",
            // The benchmark's feed server listens on loopback, which the app refuses by default.
            ["NewsTracker:Ingestion:AllowedPrivateAddresses:0"] = "127.0.0.1",
            // Warnings only: one log line per feed refresh is not what is measured here.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
            // No wwwroot beside the benchmark: only page HTML is measured, so the missing-folder warning is noise.
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.StaticFiles"] = "Error",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNewsTracker();
        if (listen) builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseNewsTracker();
        await DatabaseStartup.PrepareAsync(app.Services);
        if (listen) await app.StartAsync();
        return app;
    }

    public static string Address(WebApplication app) => app.Urls.First().TrimEnd('/');

    public static void DeleteDatabase(string file)
    {
        // Pooled connections keep a deleted file alive under the same name.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            if (File.Exists(f)) File.Delete(f);
    }
}
