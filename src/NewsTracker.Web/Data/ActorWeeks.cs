namespace NewsTracker.Web.Data;

/// <summary>
/// How many articles name an actor in one week (weeks start on Monday): the actor page's chart, and summed, how many
/// articles name them at all. Counting that at request time reads every article of a leader named in most of the
/// store, so the counts are kept by triggers on ActorMentions (and on an article's date or deletion), in the same
/// transaction as the mentions themselves: exact and current whoever writes the rows (the indexer, a copy, a script).
/// </summary>
public sealed class ActorWeek
{
    public int ActorId { get; set; }
    /// <summary>Monday-based weeks since 1970, <see cref="WeekSql"/>; see <see cref="MondayOf"/>.</summary>
    public int Week { get; set; }
    /// <summary>Distinct articles naming the actor that were published that week; rows at zero are deleted.</summary>
    public int Articles { get; set; }

    /// <summary>
    /// The week of a PublishedAt (Unix milliseconds): 1970-01-01 was a Thursday, so (days + 3) / 7 numbers the
    /// Monday-based weeks. Integer division, the same on SQLite and PostgreSQL.
    /// </summary>
    public static string WeekSql(string publishedAt) => $"({publishedAt} / 86400000 + 3) / 7";

    public static DateOnly MondayOf(int week) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + week * 7 - 3);
}

/// <summary>
/// How many of an actor's claims are on one topic: the actor page's topic chips and its "of N" on a topic. Counting
/// that at request time reads every claim of the speaker (a leader's tens of thousands), so triggers on Claims keep it.
/// </summary>
public sealed class ActorTopic
{
    public int ActorId { get; set; }
    public required string TopicSlug { get; set; }
    public int Claims { get; set; }
}

/// <summary>
/// How many claims an actor made: the actors index and the actor page's count. Counting that at request time reads the
/// claims index (300,000 entries for the whole index page, 63,000 for a leader), so triggers on Claims keep it.
/// </summary>
public sealed class ActorClaimCount
{
    public int ActorId { get; set; }
    public int Claims { get; set; }
}

/// <summary>The triggers that keep <see cref="ActorClaimCount"/> rows, and the statements that fill them from existing claims.</summary>
public static class ActorClaimsSql
{
    /// <summary>Triggers (SQLite). Claims are only ever inserted and deleted (re-indexing deletes and re-inserts).</summary>
    public static readonly string[] SqliteTriggers =
    [
        """
        CREATE TRIGGER ActorClaims_ClaimInsert AFTER INSERT ON Claims BEGIN
            INSERT INTO ActorClaims (ActorId, Claims) VALUES (new.SpeakerId, 1)
                ON CONFLICT (ActorId) DO UPDATE SET Claims = Claims + 1;
        END
        """,
        """
        CREATE TRIGGER ActorClaims_ClaimDelete AFTER DELETE ON Claims BEGIN
            UPDATE ActorClaims SET Claims = Claims - 1 WHERE ActorId = old.SpeakerId;
            DELETE FROM ActorClaims WHERE ActorId = old.SpeakerId AND Claims <= 0;
        END
        """,
    ];

    /// <summary>Triggers (PostgreSQL). Each claim counts on its own, so row triggers are exact here even at statement end.</summary>
    public static readonly string[] PostgreSqlTriggers =
    [
        """
        CREATE FUNCTION "ActorClaims_ClaimInserted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "ActorClaims" ("ActorId", "Claims") VALUES (NEW."SpeakerId", 1)
                ON CONFLICT ("ActorId") DO UPDATE SET "Claims" = "ActorClaims"."Claims" + 1;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER "ActorClaims_ClaimInserted" AFTER INSERT ON "Claims" FOR EACH ROW EXECUTE FUNCTION "ActorClaims_ClaimInserted"()""",
        """
        CREATE FUNCTION "ActorClaims_ClaimDeleted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "ActorClaims" SET "Claims" = "Claims" - 1 WHERE "ActorId" = OLD."SpeakerId";
            DELETE FROM "ActorClaims" WHERE "ActorId" = OLD."SpeakerId" AND "Claims" <= 0;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER "ActorClaims_ClaimDeleted" AFTER DELETE ON "Claims" FOR EACH ROW EXECUTE FUNCTION "ActorClaims_ClaimDeleted"()""",
    ];

    public static readonly string FillSqlite = "INSERT INTO ActorClaims (ActorId, Claims) SELECT SpeakerId, COUNT(*) FROM Claims GROUP BY SpeakerId";

    public static readonly string FillPostgreSql = """INSERT INTO "ActorClaims" ("ActorId", "Claims") SELECT "SpeakerId", COUNT(*) FROM "Claims" GROUP BY "SpeakerId" """;
}

/// <summary>The triggers that keep <see cref="ActorTopic"/> rows, and the statement that fills them from existing claims.</summary>
public static class ActorTopicsSql
{
    /// <summary>Triggers (SQLite). Claims are only ever inserted and deleted (re-indexing deletes and re-inserts).</summary>
    public static readonly string[] SqliteTriggers =
    [
        """
        CREATE TRIGGER ActorTopics_ClaimInsert AFTER INSERT ON Claims BEGIN
            INSERT INTO ActorTopics (ActorId, TopicSlug, Claims) SELECT DISTINCT new.SpeakerId, value, 1 FROM json_each(new.Topics) WHERE true
                ON CONFLICT (ActorId, TopicSlug) DO UPDATE SET Claims = Claims + 1;
        END
        """,
        """
        CREATE TRIGGER ActorTopics_ClaimDelete AFTER DELETE ON Claims BEGIN
            UPDATE ActorTopics SET Claims = Claims - 1 WHERE ActorId = old.SpeakerId AND TopicSlug IN (SELECT value FROM json_each(old.Topics));
            DELETE FROM ActorTopics WHERE ActorId = old.SpeakerId AND Claims <= 0;
        END
        """,
    ];

    /// <summary>Triggers (PostgreSQL). Each claim counts on its own, so row triggers are exact here even at statement end.</summary>
    public static readonly string[] PostgreSqlTriggers =
    [
        """
        CREATE FUNCTION "ActorTopics_ClaimInserted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "ActorTopics" ("ActorId", "TopicSlug", "Claims") SELECT DISTINCT NEW."SpeakerId", t, 1 FROM unnest(NEW."Topics") AS t
                ON CONFLICT ("ActorId", "TopicSlug") DO UPDATE SET "Claims" = "ActorTopics"."Claims" + 1;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER "ActorTopics_ClaimInserted" AFTER INSERT ON "Claims" FOR EACH ROW EXECUTE FUNCTION "ActorTopics_ClaimInserted"()""",
        """
        CREATE FUNCTION "ActorTopics_ClaimDeleted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "ActorTopics" SET "Claims" = "Claims" - 1 WHERE "ActorId" = OLD."SpeakerId" AND "TopicSlug" = ANY(OLD."Topics");
            DELETE FROM "ActorTopics" WHERE "ActorId" = OLD."SpeakerId" AND "Claims" <= 0;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER "ActorTopics_ClaimDeleted" AFTER DELETE ON "Claims" FOR EACH ROW EXECUTE FUNCTION "ActorTopics_ClaimDeleted"()""",
    ];

    public static readonly string FillSqlite = """
        INSERT INTO ActorTopics (ActorId, TopicSlug, Claims)
        SELECT SpeakerId, Topic, COUNT(*) FROM (SELECT DISTINCT c.Id, c.SpeakerId, t.value AS Topic FROM Claims AS c, json_each(c.Topics) AS t)
        GROUP BY SpeakerId, Topic
        """;

    public static readonly string FillPostgreSql = """
        INSERT INTO "ActorTopics" ("ActorId", "TopicSlug", "Claims")
        SELECT x."SpeakerId", x."Topic", COUNT(*) FROM (SELECT DISTINCT c."Id", c."SpeakerId", t AS "Topic" FROM "Claims" AS c, unnest(c."Topics") AS t) AS x
        GROUP BY x."SpeakerId", x."Topic"
        """;
}

/// <summary>The triggers that keep <see cref="ActorWeek"/> rows, and the statement that fills them from existing rows.</summary>
public static class ActorWeeksSql
{
    // SQLite fires row triggers as each row changes, so "no other mention of this actor in this article" is the
    // exact test for the first mention inserted and the last one deleted, even in a multi-row DELETE.
    static readonly string SqliteWeek = ActorWeek.WeekSql("PublishedAt");

    /// <summary>Triggers (SQLite). Mentions are only ever inserted and deleted (re-indexing deletes and re-inserts).</summary>
    public static readonly string[] SqliteTriggers =
    [
        $"""
        CREATE TRIGGER ActorWeeks_MentionInsert AFTER INSERT ON ActorMentions
        WHEN NOT EXISTS (SELECT 1 FROM ActorMentions WHERE ActorId = new.ActorId AND ArticleId = new.ArticleId AND Id <> new.Id)
        BEGIN
            INSERT INTO ActorWeeks (ActorId, Week, Articles) SELECT new.ActorId, {SqliteWeek}, 1 FROM Articles WHERE Id = new.ArticleId
                ON CONFLICT (ActorId, Week) DO UPDATE SET Articles = Articles + 1;
        END
        """,
        $"""
        CREATE TRIGGER ActorWeeks_MentionDelete AFTER DELETE ON ActorMentions
        WHEN NOT EXISTS (SELECT 1 FROM ActorMentions WHERE ActorId = old.ActorId AND ArticleId = old.ArticleId)
        BEGIN
            UPDATE ActorWeeks SET Articles = Articles - 1
                WHERE ActorId = old.ActorId AND Week = (SELECT {SqliteWeek} FROM Articles WHERE Id = old.ArticleId);
            DELETE FROM ActorWeeks WHERE ActorId = old.ActorId AND Articles <= 0;
        END
        """,
        // A deleted article's mentions go first, while its date can still be read (the cascade would run after).
        "CREATE TRIGGER ActorWeeks_ArticleDelete BEFORE DELETE ON Articles BEGIN DELETE FROM ActorMentions WHERE ArticleId = old.Id; END",
        $"""
        CREATE TRIGGER ActorWeeks_ArticleDate AFTER UPDATE OF PublishedAt ON Articles
        WHEN {ActorWeek.WeekSql("old.PublishedAt")} <> {ActorWeek.WeekSql("new.PublishedAt")}
        BEGIN
            UPDATE ActorWeeks SET Articles = Articles - 1
                WHERE Week = {ActorWeek.WeekSql("old.PublishedAt")} AND ActorId IN (SELECT ActorId FROM ActorMentions WHERE ArticleId = new.Id);
            DELETE FROM ActorWeeks WHERE Week = {ActorWeek.WeekSql("old.PublishedAt")} AND Articles <= 0;
            INSERT INTO ActorWeeks (ActorId, Week, Articles)
                SELECT DISTINCT ActorId, {ActorWeek.WeekSql("new.PublishedAt")}, 1 FROM ActorMentions WHERE ArticleId = new.Id
                ON CONFLICT (ActorId, Week) DO UPDATE SET Articles = Articles + 1;
        END
        """,
    ];

    static readonly string PgWeek = ActorWeek.WeekSql("a.\"PublishedAt\"");

    /// <summary>
    /// Triggers (PostgreSQL). Its row triggers fire only at the end of the statement, when every row of a multi-row
    /// DELETE is gone, so mentions are counted per statement over its transition table instead.
    /// </summary>
    public static readonly string[] PostgreSqlTriggers =
    [
        $"""
        CREATE FUNCTION "ActorWeeks_MentionsInserted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "ActorWeeks" ("ActorId", "Week", "Articles")
            SELECT n."ActorId", {PgWeek}, COUNT(*)
            FROM (SELECT DISTINCT "ActorId", "ArticleId" FROM new_rows) AS n JOIN "Articles" AS a ON a."Id" = n."ArticleId"
            WHERE NOT EXISTS (SELECT 1 FROM "ActorMentions" AS m WHERE m."ActorId" = n."ActorId" AND m."ArticleId" = n."ArticleId"
                AND NOT EXISTS (SELECT 1 FROM new_rows AS r WHERE r."Id" = m."Id"))
            GROUP BY n."ActorId", {PgWeek}
            ON CONFLICT ("ActorId", "Week") DO UPDATE SET "Articles" = "ActorWeeks"."Articles" + EXCLUDED."Articles";
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER "ActorWeeks_MentionsInserted" AFTER INSERT ON "ActorMentions"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ActorWeeks_MentionsInserted"()
        """,
        $"""
        CREATE FUNCTION "ActorWeeks_MentionsDeleted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "ActorWeeks" AS w SET "Articles" = w."Articles" - d."Articles"
            FROM (SELECT o."ActorId", {PgWeek} AS "Week", COUNT(*) AS "Articles"
                  FROM (SELECT DISTINCT "ActorId", "ArticleId" FROM old_rows) AS o JOIN "Articles" AS a ON a."Id" = o."ArticleId"
                  WHERE NOT EXISTS (SELECT 1 FROM "ActorMentions" AS m WHERE m."ActorId" = o."ActorId" AND m."ArticleId" = o."ArticleId")
                  GROUP BY o."ActorId", {PgWeek}) AS d
            WHERE w."ActorId" = d."ActorId" AND w."Week" = d."Week";
            DELETE FROM "ActorWeeks" WHERE "ActorId" IN (SELECT "ActorId" FROM old_rows) AND "Articles" <= 0;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER "ActorWeeks_MentionsDeleted" AFTER DELETE ON "ActorMentions"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ActorWeeks_MentionsDeleted"()
        """,
        // A deleted article's mentions go first, while its date can still be read (the cascade would run after).
        """
        CREATE FUNCTION "ActorWeeks_ArticleDeleting"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM "ActorMentions" WHERE "ArticleId" = OLD."Id";
            RETURN OLD;
        END $$
        """,
        """
        CREATE TRIGGER "ActorWeeks_ArticleDeleting" BEFORE DELETE ON "Articles"
        FOR EACH ROW EXECUTE FUNCTION "ActorWeeks_ArticleDeleting"()
        """,
        $"""
        CREATE FUNCTION "ActorWeeks_ArticleDated"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "ActorWeeks" SET "Articles" = "Articles" - 1
                WHERE "Week" = {ActorWeek.WeekSql("OLD.\"PublishedAt\"")}
                AND "ActorId" IN (SELECT "ActorId" FROM "ActorMentions" WHERE "ArticleId" = NEW."Id");
            DELETE FROM "ActorWeeks" WHERE "Week" = {ActorWeek.WeekSql("OLD.\"PublishedAt\"")} AND "Articles" <= 0;
            INSERT INTO "ActorWeeks" ("ActorId", "Week", "Articles")
                SELECT DISTINCT "ActorId", {ActorWeek.WeekSql("NEW.\"PublishedAt\"")}, 1 FROM "ActorMentions" WHERE "ArticleId" = NEW."Id"
                ON CONFLICT ("ActorId", "Week") DO UPDATE SET "Articles" = "ActorWeeks"."Articles" + 1;
            RETURN NULL;
        END $$
        """,
        $"""
        CREATE TRIGGER "ActorWeeks_ArticleDated" AFTER UPDATE OF "PublishedAt" ON "Articles" FOR EACH ROW
        WHEN ({ActorWeek.WeekSql("OLD.\"PublishedAt\"")} <> {ActorWeek.WeekSql("NEW.\"PublishedAt\"")})
        EXECUTE FUNCTION "ActorWeeks_ArticleDated"()
        """,
    ];

    /// <summary>Counts what the tables already hold (for a database that had mentions before the table existed).</summary>
    public static readonly string FillSqlite = $"""
        INSERT INTO ActorWeeks (ActorId, Week, Articles)
        SELECT m.ActorId, {ActorWeek.WeekSql("a.PublishedAt")}, COUNT(*)
        FROM (SELECT DISTINCT ActorId, ArticleId FROM ActorMentions) AS m JOIN Articles AS a ON a.Id = m.ArticleId
        GROUP BY m.ActorId, {ActorWeek.WeekSql("a.PublishedAt")}
        """;

    public static readonly string FillPostgreSql = $"""
        INSERT INTO "ActorWeeks" ("ActorId", "Week", "Articles")
        SELECT m."ActorId", {PgWeek}, COUNT(*)
        FROM (SELECT DISTINCT "ActorId", "ArticleId" FROM "ActorMentions") AS m JOIN "Articles" AS a ON a."Id" = m."ArticleId"
        GROUP BY m."ActorId", {PgWeek}
        """;
}
