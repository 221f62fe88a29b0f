namespace NewsTracker.Web.Data;

/// <summary>
/// One topic of one claim, with what the pages sort and filter claims by (speaker, topic, their article's date): the
/// index that finds a speaker's newest claims on a topic without testing each of their claims' topics, which for a
/// leader with tens of thousands of claims and a topic they seldom speak of meant reading all of them. Kept by
/// triggers as claims are stored and as an article's date changes; deleted with their claim.
/// </summary>
public sealed class ClaimTopic
{
    public int ClaimId { get; set; }
    public required string TopicSlug { get; set; }
    public int SpeakerId { get; set; }
    public int ArticleId { get; set; }
    /// <summary>The claim's article's PublishedAt.</summary>
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>The claim's position in its article, so that claims of one article keep their order.</summary>
    public int Start { get; set; }
}

/// <summary>The triggers that keep <see cref="ClaimTopic"/> rows, and the statements that fill them from existing claims.</summary>
public static class ClaimTopicsSql
{
    /// <summary>
    /// Triggers (SQLite). Claims are only ever inserted and deleted; the foreign key deletes their rows. A topic named
    /// twice in a claim's list is skipped by ON CONFLICT, not by SELECT DISTINCT: SQLite makes a temporary table for
    /// each DISTINCT, which was 8 of the 35 µs storing a claim took.
    /// </summary>
    public static readonly string[] SqliteTriggers =
    [
        InsertTriggerSqlite,
        """
        CREATE TRIGGER ClaimTopics_ArticleDate AFTER UPDATE OF PublishedAt ON Articles WHEN old.PublishedAt <> new.PublishedAt BEGIN
            UPDATE ClaimTopics SET PublishedAt = new.PublishedAt WHERE ClaimId IN (SELECT Id FROM Claims WHERE ArticleId = new.Id);
        END
        """,
    ];

    public const string InsertTriggerSqlite = """
        CREATE TRIGGER ClaimTopics_ClaimInsert AFTER INSERT ON Claims BEGIN
            INSERT INTO ClaimTopics (ClaimId, TopicSlug, SpeakerId, ArticleId, PublishedAt, Start)
                SELECT new.Id, t.value, new.SpeakerId, new.ArticleId, a.PublishedAt, new.Start
                FROM json_each(new.Topics) AS t, Articles AS a WHERE a.Id = new.ArticleId
                ON CONFLICT (ClaimId, TopicSlug) DO NOTHING;
        END
        """;

    /// <summary>Triggers (PostgreSQL).</summary>
    public static readonly string[] PostgreSqlTriggers =
    [
        """
        CREATE FUNCTION "ClaimTopics_ClaimInserted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "ClaimTopics" ("ClaimId", "TopicSlug", "SpeakerId", "ArticleId", "PublishedAt", "Start")
                SELECT DISTINCT NEW."Id", t, NEW."SpeakerId", NEW."ArticleId", a."PublishedAt", NEW."Start"
                FROM unnest(NEW."Topics") AS t, "Articles" AS a WHERE a."Id" = NEW."ArticleId"
                ON CONFLICT ("ClaimId", "TopicSlug") DO NOTHING;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER "ClaimTopics_ClaimInserted" AFTER INSERT ON "Claims" FOR EACH ROW EXECUTE FUNCTION "ClaimTopics_ClaimInserted"()""",
        """
        CREATE FUNCTION "ClaimTopics_ArticleDated"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "ClaimTopics" SET "PublishedAt" = NEW."PublishedAt" WHERE "ClaimId" IN (SELECT "Id" FROM "Claims" WHERE "ArticleId" = NEW."Id");
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER "ClaimTopics_ArticleDated" AFTER UPDATE OF "PublishedAt" ON "Articles" FOR EACH ROW
        WHEN (OLD."PublishedAt" <> NEW."PublishedAt") EXECUTE FUNCTION "ClaimTopics_ArticleDated"()
        """,
    ];

    public static readonly string FillSqlite = """
        INSERT INTO ClaimTopics (ClaimId, TopicSlug, SpeakerId, ArticleId, PublishedAt, Start)
        SELECT DISTINCT c.Id, t.value, c.SpeakerId, c.ArticleId, a.PublishedAt, c.Start
        FROM Claims AS c JOIN Articles AS a ON a.Id = c.ArticleId, json_each(c.Topics) AS t
        """;

    public static readonly string FillPostgreSql = """
        INSERT INTO "ClaimTopics" ("ClaimId", "TopicSlug", "SpeakerId", "ArticleId", "PublishedAt", "Start")
        SELECT DISTINCT c."Id", t, c."SpeakerId", c."ArticleId", a."PublishedAt", c."Start"
        FROM "Claims" AS c JOIN "Articles" AS a ON a."Id" = c."ArticleId", unnest(c."Topics") AS t
        """;
}
