using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsTracker.Web.Data;
using NewsTracker.Web.Ingestion;

namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>
/// The real app over its own database (in-memory SQLite, or a new PostgreSQL database dropped afterwards), with the
/// background scheduler off so each test decides when ingestion runs. Feeds are whatever the test lists (the bundled
/// sample by default). A second app can share the first one's store, as a second instance would.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string SampleFeed = "samples/ukraine-peace-talks.xml";

    readonly StoreProvider _provider;
    readonly string _connectionString;
    readonly SqliteConnection? _keepAlive; // a shared in-memory database lives as long as one connection to it
    readonly bool _ownsStore;
    readonly string[] _feeds;
    readonly Dictionary<string, string?> _settings;

    readonly TimeProvider? _clock;
    readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces app services after the app has registered its own (a failing extractor, say).</param>
    public TestApp(string[]? feeds = null, Dictionary<string, string?>? settings = null, TimeProvider? clock = null,
        StoreProvider provider = StoreProvider.Sqlite, TestApp? sharingStoreOf = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _feeds = feeds ?? [SampleFeed];
        _settings = settings ?? [];
        _clock = clock;
        _provider = sharingStoreOf?._provider ?? provider;
        _ownsStore = sharingStoreOf is null;
        _connectionString = sharingStoreOf?._connectionString ?? (_provider == StoreProvider.PostgreSql
            ? TestPostgres.NewDatabase()
            : $"Data Source=newstracker-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
        if (_provider == StoreProvider.Sqlite && _ownsStore)
        {
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:NewsTracker", _connectionString);
        builder.UseSetting(StoreConfiguration.ProviderKey, _provider.ToString());
        builder.UseSetting("NewsTracker:Ingestion:Enabled", "false");
        builder.UseSetting("NewsTracker:Ingestion:HttpTimeout", "00:00:05");
        // The test feed server listens on loopback, which production refuses by default.
        builder.UseSetting("NewsTracker:Ingestion:AllowedPrivateAddresses:0", "127.0.0.1");
        // Replace, not merge, the configured feed list (appsettings.json lists one feed; a blank entry is ignored).
        for (int i = 0; i < Math.Max(1, _feeds.Length); i++)
            builder.UseSetting($"NewsTracker:Ingestion:Feeds:{i}", i < _feeds.Length ? _feeds[i] : "");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_clock is not null)
            builder.ConfigureServices(services => services.AddSingleton(_clock));
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    /// <summary>Makes every feed due now, as if its next fetch time had come.</summary>
    public Task MakeFeedsDueAsync() =>
        WithDbAsync(db => db.Feeds.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextFetchAt, (DateTimeOffset?)null)));

    /// <summary>One ingestion pass over every due feed, as the scheduler's tick does it.</summary>
    public async Task IngestAsync()
    {
        // Services builds and starts the host (TestServer, or Kestrel after UseKestrel), which prepares the store.
        await Services.GetRequiredService<IngestionScheduler>().RunDueFeedsAsync(CancellationToken.None);
    }

    public async Task<T> WithDbAsync<T>(Func<NewsTrackerDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsTrackerDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _keepAlive?.Dispose();
        if (_provider == StoreProvider.PostgreSql && _ownsStore)
            await TestPostgres.DropAsync(_connectionString);
    }
}
