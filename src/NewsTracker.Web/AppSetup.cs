using NewsTracker.Core.Extraction;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using NewsTracker.Web.Admin;
using NewsTracker.Web.Api;
using NewsTracker.Web.Pages.Feeds;
using NewsTracker.Web.Pages.Timeline;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Data;
using NewsTracker.Web.Export;
using NewsTracker.Web.Ingestion;
using NewsTracker.Web.Story;
using Serilog;

namespace NewsTracker.Web;

/// <summary>The app's services and pipeline, shared by the web host, the commands and the tests.</summary>
public static class AppSetup
{
    /// <summary>The rate-limit policy for sign-in attempts.</summary>
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddNewsTracker(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;

        // Serilog through Microsoft.Extensions.Logging (Serilog.AspNetCore is not available here).
        var serilog = new LoggerConfiguration().ReadFrom.Configuration(config).CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog, dispose: true);

        builder.Services.AddSingleton(TimeProvider.System);

        // Settings are read when services are first built, so tests and commands can override them.
        builder.Services.AddDbContext<NewsTrackerDb>((services, o) =>
        {
            var settings = services.GetRequiredService<IConfiguration>();
            o.UseStore(StoreConfiguration.ProviderFrom(settings), settings.GetConnectionString("NewsTracker")
                ?? throw new InvalidOperationException("ConnectionStrings:NewsTracker is not set."));
            // EF's check that no two threads share a context sets an AsyncLocal on every command and every row read,
            // 6% of what ingestion allocated. Tests and development keep it, to catch such a bug.
            o.EnableThreadSafetyChecks(!services.GetRequiredService<IHostEnvironment>().IsProduction());
        });

        builder.Services.AddSingleton(services => StoryCatalog.Load(DocumentFetcher.ResolveFilePath(
            services.GetRequiredService<IConfiguration>()["NewsTracker:Story"] ?? "stories/ukraine-peace-talks.json")));

        builder.Services.AddSingleton<IArticleExtractor>(services => services.GetRequiredService<StoryCatalog>().Extractor);
        builder.Services.AddSingleton<ArticleExtraction>();

        builder.Services.Configure<IngestionOptions>(config.GetSection(IngestionOptions.Section));
        builder.Services.AddOptions<PublicSiteOptions>().Bind(config.GetSection(PublicSiteOptions.Section))
            .Validate(PublicSiteOptions.IsValid, "NewsTracker:PublicUrl must be an absolute http(s) address without a query, e.g. https://tracker.example.org")
            .ValidateOnStart();
        builder.Services.AddHttpClient<DocumentFetcher>(http =>
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd(DocumentFetcher.UserAgent);
            http.Timeout = Timeout.InfiniteTimeSpan; // the fetcher applies its own configured timeout
        }).ConfigurePrimaryHttpMessageHandler(services => DocumentFetcher.CreateHandler(
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestionOptions>>().Value));
        builder.Services.AddSingleton<PollSchedule>();
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddSingleton<RecentFingerprints>();
        builder.Services.AddSingleton<FeedLeases>();
        builder.Services.AddScoped<FeedRefresher>();
        builder.Services.AddScoped<ArticleIndexer>();
        builder.Services.AddScoped<StoryExport>();
        builder.Services.AddSingleton<IngestionScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestionScheduler>());

        // The administrator signs in with a cookie; data protection keys live beside the database so sign-ins survive restarts.
        builder.Services.AddSingleton<AdminPassword>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.Cookie.Name = "newstracker.admin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(7);
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddAuthorization();
        if (config["NewsTracker:DataProtectionKeys"] is { Length: > 0 } keys)
            builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the form is free, so reloading it never locks anyone out.
            limits.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("form"));
        });

        builder.Services.AddMemoryCache();
        builder.Services.AddRazorPages();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        // Encode markup characters only, not every non-ASCII letter: names like Zelenskyy's in Cyrillic stay readable in the source.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHealthChecks().AddDbContextCheck<NewsTrackerDb>("database");
        return builder;
    }

    public static WebApplication UseNewsTracker(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts(); // sent over HTTPS only, so a plain-HTTP development or test address is not pinned
        }
        app.UseStatusCodePagesWithReExecute("/NotFound", "?code={0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz", new HealthCheckOptions());
        app.MapGet("/api/export", async (StoryExport export, HttpResponse response, CancellationToken ct) =>
        {
            response.ContentType = "application/json; charset=utf-8";
            await export.WriteAsync(response.Body, ct);
        });
        app.MapOpmlExport();
        app.MapTimelineAtomFeed();
        app.MapReadApi();
        app.MapRazorPages();
        return app;
    }
}
