namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>One app with the bundled sample ingested, shared by the read-only page tests of a class.</summary>
public sealed class SampleApp : IAsyncLifetime
{
    public TestApp App { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.IngestAsync();
        Client = App.CreateClient();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
