using NewsTracker.Web.Data;

namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>One app with the bundled sample ingested, shared by the read-only page tests of a class.</summary>
public sealed class SampleApp : IAsyncLifetime
{
    public SampleApp() : this(StoreProvider.Sqlite) { }

    internal SampleApp(StoreProvider provider) => App = new TestApp(provider: provider);

    public TestApp App { get; }
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.IngestAsync();
        Client = App.CreateClient();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The bundled sample ingested into a store of each provider a class's tests ask for, each made on first use and shared
/// by the class (a test class's tests run one at a time), for read-only page tests that run on both providers.
/// </summary>
public sealed class SampleStores : IAsyncLifetime
{
    readonly Dictionary<StoreProvider, SampleApp> _samples = [];

    public async Task<SampleApp> ForAsync(StoreProvider provider)
    {
        if (!_samples.TryGetValue(provider, out var sample))
        {
            sample = new SampleApp(provider);
            _samples[provider] = sample;
            await sample.InitializeAsync();
        }
        return sample;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var sample in _samples.Values) await sample.DisposeAsync();
    }
}
