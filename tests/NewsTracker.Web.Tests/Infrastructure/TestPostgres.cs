using System.Reflection;
using Npgsql;
using NewsTracker.Web.Data;
using Xunit.Sdk;

namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use, from NEWSTRACKER_TEST_POSTGRES (a connection string without a database;
/// bash .ci/run starts a throwaway one with tests/postgres/start.sh). Each test gets a database of its own.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "NEWSTRACKER_TEST_POSTGRES";

    public const string SkipReason =
        $"no PostgreSQL to test against: set {Variable} to a server's connection string (bash .ci/run starts one with tests/postgres/start.sh)";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>A connection string to a new, uniquely named database; the app or the test creates it (EnsureCreated does).</summary>
    public static string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(Server ?? throw new InvalidOperationException(SkipReason))
        {
            Database = $"newstracker_test_{Guid.NewGuid():N}",
        }.ConnectionString;

    public static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs PostgreSQL: reported as skipped, with the reason, when there is none to test against.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Server is null) Skip = TestPostgres.SkipReason;
    }
}

/// <summary>
/// Theory data for the PostgreSQL run of a store test, beside <c>[InlineData(StoreProvider.Sqlite)]</c>: the row is
/// reported as skipped, with the reason, when there is no PostgreSQL to test against.
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (TestPostgres.Server is null) Skip = TestPostgres.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreProvider.PostgreSql]];
}
