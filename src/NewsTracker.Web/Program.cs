using NewsTracker.Web;
using NewsTracker.Web.Data;
using NewsTracker.Web.Commands;

// One-shot commands that need no web host and no store: dotnet run -- parse-feed <url or file>, -- extract-bench <folder>.
if (args is ["parse-feed", ..] or ["extract-bench", ..])
    return await CommandLine.RunStandaloneAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsTracker();
var app = builder.Build();
app.UseNewsTracker();
// The store is ready (schema, story, configured feeds) before the first request or ingestion pass.
await DatabaseStartup.PrepareAsync(app.Services);

// Commands that use the store: dotnet run -- ingest <feed>..., -- export <file>.
if (CommandLine.IsStoreCommand(args))
    return await CommandLine.RunWithStoreAsync(app, args);

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
