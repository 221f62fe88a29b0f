using Microsoft.EntityFrameworkCore;

namespace NewsTracker.Web.Data;

/// <summary>Which database the store lives in: set by NewsTracker:Database:Provider, with ConnectionStrings:NewsTracker.</summary>
public enum StoreProvider { Sqlite, PostgreSql }

public static class StoreConfiguration
{
    public const string ProviderKey = "NewsTracker:Database:Provider";

    public static StoreProvider ProviderFrom(IConfiguration config) => config[ProviderKey] switch
    {
        null or "" => StoreProvider.Sqlite,
        var name when Enum.TryParse<StoreProvider>(name, ignoreCase: true, out var provider) => provider,
        var name => throw new InvalidOperationException($"{ProviderKey} is \"{name}\"; it must be Sqlite or PostgreSql."),
    };

    /// <summary>The one place the provider is chosen: the app, the copy-store command and the tests all go through here.</summary>
    public static TBuilder UseStore<TBuilder>(this TBuilder options, StoreProvider provider, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        // Pages load events with several collections; split queries avoid a cartesian explosion of rows.
        if (provider == StoreProvider.PostgreSql)
            options.UseNpgsql(connectionString, pg => pg.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        else
            options.UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(SqliteSynchronousNormal.Instance);
        return options;
    }
}
