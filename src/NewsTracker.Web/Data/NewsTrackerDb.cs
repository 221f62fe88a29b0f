using Microsoft.EntityFrameworkCore;

namespace NewsTracker.Web.Data;

public sealed class NewsTrackerDb(DbContextOptions<NewsTrackerDb> options) : DbContext(options)
{
    public DbSet<Feed> Feeds => Set<Feed>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleOutlet> ArticleOutlets => Set<ArticleOutlet>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ActorMentionRow> ActorMentions => Set<ActorMentionRow>();
    public DbSet<ActorWeek> ActorWeeks => Set<ActorWeek>();
    public DbSet<ActorTopic> ActorTopics => Set<ActorTopic>();
    public DbSet<ClaimTopic> ClaimTopics => Set<ClaimTopic>();
    public DbSet<ActorClaimCount> ActorClaims => Set<ActorClaimCount>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventParticipant> EventParticipants => Set<EventParticipant>();
    public DbSet<EventReport> EventReports => Set<EventReport>();
    public DbSet<EventTopic> EventTopics => Set<EventTopic>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<ArticleTopic> ArticleTopics => Set<ArticleTopic>();
    public DbSet<SchemaVersion> SchemaVersions => Set<SchemaVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Enums as readable text, so the database can be read without the code.
        conventions.Properties<Enum>().HaveConversion<string>();
        // SQLite cannot order or compare DateTimeOffset natively: store instants as Unix milliseconds.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUnixMillisConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Feed>(e =>
        {
            e.HasIndex(f => f.Url).IsUnique();
        });
        model.Entity<Article>(e =>
        {
            e.HasIndex(a => a.Guid);
            e.HasIndex(a => a.Url);
            e.HasIndex(a => a.CanonicalUrl);
            e.HasIndex(a => a.Fingerprint);
            e.HasIndex(a => a.PublishedAt);
            e.HasIndex(a => a.ExtractedAt);
            e.HasOne(a => a.Feed).WithMany().OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<ArticleOutlet>(e =>
        {
            e.HasIndex(o => o.ArticleId);
            e.HasIndex(o => o.Url);
            e.HasOne(o => o.Article).WithMany(a => a.Outlets).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Feed>().WithMany().HasForeignKey(o => o.FeedId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<Actor>(e =>
        {
            e.HasIndex(a => a.Slug).IsUnique();
            e.HasIndex(a => a.Name).IsUnique();
        });
        model.Entity<ActorMentionRow>(e =>
        {
            e.ToTable("ActorMentions");
            e.HasIndex(m => new { m.ActorId, m.ArticleId });
            e.HasOne(m => m.Article).WithMany(a => a.Mentions).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ActorWeek>(e =>
        {
            e.HasKey(w => new { w.ActorId, w.Week });
            e.HasOne<Actor>().WithMany().HasForeignKey(w => w.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ActorTopic>(e =>
        {
            e.HasKey(t => new { t.ActorId, t.TopicSlug });
            e.HasOne<Actor>().WithMany().HasForeignKey(t => t.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ActorClaimCount>(e =>
        {
            e.ToTable("ActorClaims");
            e.HasKey(c => c.ActorId);
            e.Property(c => c.ActorId).ValueGeneratedNever();
            e.HasOne<Actor>().WithMany().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ClaimTopic>(e =>
        {
            e.HasKey(t => new { t.ClaimId, t.TopicSlug });
            // A speaker's newest claims on a topic, in the pages' order, straight from the index.
            e.HasIndex(t => new { t.SpeakerId, t.TopicSlug, t.PublishedAt, t.ArticleId, t.Start }).IsDescending(false, false, true, true, false);
            e.HasOne<Claim>().WithMany().HasForeignKey(t => t.ClaimId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Claim>(e =>
        {
            e.HasIndex(c => new { c.SpeakerId, c.ArticleId });
            e.HasOne(c => c.Article).WithMany(a => a.Claims).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Event>(e =>
        {
            e.HasIndex(x => x.HappenedOn);
        });
        model.Entity<EventParticipant>(e =>
        {
            e.HasKey(p => new { p.EventId, p.ActorId });
            e.HasIndex(p => p.ActorId);
            e.HasOne(p => p.Event).WithMany(x => x.Participants).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<EventReport>(e =>
        {
            e.HasIndex(r => new { r.EventId, r.ArticleId });
            e.HasIndex(r => r.ArticleId);
            e.HasOne(r => r.Event).WithMany(x => x.Reports).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Article).WithMany(a => a.EventReports).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<EventTopic>(e =>
        {
            e.HasKey(t => new { t.EventId, t.TopicSlug });
            e.HasIndex(t => t.TopicSlug);
            e.HasOne(t => t.Event).WithMany(x => x.Topics).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Topic>(e => e.HasKey(t => t.Slug));
        model.Entity<ArticleTopic>(e =>
        {
            e.HasKey(t => new { t.ArticleId, t.TopicSlug });
            e.HasIndex(t => t.TopicSlug);
            e.HasOne(t => t.Article).WithMany(a => a.Topics).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SchemaVersion>(e => e.HasKey(v => v.Version));
    }
}

/// <summary>Which schema upgrades a database has had; see <see cref="SchemaUpgrader"/>.</summary>
public sealed class SchemaVersion
{
    public int Version { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>Stores instants as Unix milliseconds so that both SQLite and PostgreSQL sort and compare them.</summary>
sealed class DateTimeOffsetToUnixMillisConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
