-- Schema version 1 as created by NewsTracker's first release (EnsureCreated on SQLite). Frozen: never edit.
CREATE TABLE IF NOT EXISTS "Actors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Actors" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Role" TEXT NULL,
    "Aliases" TEXT NOT NULL,
    "Discovered" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "Events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY AUTOINCREMENT,
    "Type" TEXT NOT NULL,
    "HappenedOn" TEXT NULL,
    "DatePrecision" TEXT NOT NULL,
    "Planned" INTEGER NOT NULL,
    "Place" TEXT NULL,
    "FirstReportedAt" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "Feeds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Feeds" PRIMARY KEY AUTOINCREMENT,
    "Url" TEXT NOT NULL,
    "Title" TEXT NULL,
    "Status" TEXT NOT NULL,
    "AddedAt" INTEGER NOT NULL,
    "LastFetchedAt" INTEGER NULL,
    "LastSuccessAt" INTEGER NULL,
    "NextFetchAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "ConsecutiveErrors" INTEGER NOT NULL,
    "ItemsStored" INTEGER NOT NULL,
    "ItemsSkippedOffStory" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "SchemaVersions" (
    "Version" INTEGER NOT NULL CONSTRAINT "PK_SchemaVersions" PRIMARY KEY AUTOINCREMENT,
    "AppliedAt" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "Topics" (
    "Slug" TEXT NOT NULL CONSTRAINT "PK_Topics" PRIMARY KEY,
    "Name" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "EventParticipants" (
    "EventId" INTEGER NOT NULL,
    "ActorId" INTEGER NOT NULL,
    CONSTRAINT "PK_EventParticipants" PRIMARY KEY ("EventId", "ActorId"),
    CONSTRAINT "FK_EventParticipants_Actors_ActorId" FOREIGN KEY ("ActorId") REFERENCES "Actors" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EventParticipants_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "EventTopics" (
    "EventId" INTEGER NOT NULL,
    "TopicSlug" TEXT NOT NULL,
    CONSTRAINT "PK_EventTopics" PRIMARY KEY ("EventId", "TopicSlug"),
    CONSTRAINT "FK_EventTopics_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Articles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Articles" PRIMARY KEY AUTOINCREMENT,
    "FeedId" INTEGER NULL,
    "Guid" TEXT NULL,
    "Url" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Author" TEXT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "FetchedAt" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "ExtractedAt" INTEGER NULL,
    CONSTRAINT "FK_Articles_Feeds_FeedId" FOREIGN KEY ("FeedId") REFERENCES "Feeds" ("Id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "ActorMentions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActorMentions" PRIMARY KEY AUTOINCREMENT,
    "ArticleId" INTEGER NOT NULL,
    "ActorId" INTEGER NOT NULL,
    "Start" INTEGER NOT NULL,
    "End" INTEGER NOT NULL,
    "SentenceStart" INTEGER NOT NULL,
    "SentenceEnd" INTEGER NOT NULL,
    CONSTRAINT "FK_ActorMentions_Actors_ActorId" FOREIGN KEY ("ActorId") REFERENCES "Actors" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ActorMentions_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ArticleTopics" (
    "ArticleId" INTEGER NOT NULL,
    "TopicSlug" TEXT NOT NULL,
    "SentenceStart" INTEGER NOT NULL,
    "SentenceEnd" INTEGER NOT NULL,
    CONSTRAINT "PK_ArticleTopics" PRIMARY KEY ("ArticleId", "TopicSlug"),
    CONSTRAINT "FK_ArticleTopics_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Claims" PRIMARY KEY AUTOINCREMENT,
    "ArticleId" INTEGER NOT NULL,
    "SpeakerId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Start" INTEGER NOT NULL,
    "End" INTEGER NOT NULL,
    "SentenceStart" INTEGER NOT NULL,
    "SentenceEnd" INTEGER NOT NULL,
    "Topics" TEXT NOT NULL,
    CONSTRAINT "FK_Claims_Actors_SpeakerId" FOREIGN KEY ("SpeakerId") REFERENCES "Actors" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Claims_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "EventReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EventReports" PRIMARY KEY AUTOINCREMENT,
    "EventId" INTEGER NOT NULL,
    "ArticleId" INTEGER NOT NULL,
    "SentenceStart" INTEGER NOT NULL,
    "SentenceEnd" INTEGER NOT NULL,
    CONSTRAINT "FK_EventReports_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EventReports_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_ActorMentions_ActorId_ArticleId" ON "ActorMentions" ("ActorId", "ArticleId");
CREATE INDEX "IX_ActorMentions_ArticleId" ON "ActorMentions" ("ArticleId");
CREATE UNIQUE INDEX "IX_Actors_Name" ON "Actors" ("Name");
CREATE UNIQUE INDEX "IX_Actors_Slug" ON "Actors" ("Slug");
CREATE INDEX "IX_Articles_ExtractedAt" ON "Articles" ("ExtractedAt");
CREATE INDEX "IX_Articles_FeedId" ON "Articles" ("FeedId");
CREATE INDEX "IX_Articles_Guid" ON "Articles" ("Guid");
CREATE INDEX "IX_Articles_PublishedAt" ON "Articles" ("PublishedAt");
CREATE INDEX "IX_Articles_Url" ON "Articles" ("Url");
CREATE INDEX "IX_ArticleTopics_TopicSlug" ON "ArticleTopics" ("TopicSlug");
CREATE INDEX "IX_Claims_ArticleId" ON "Claims" ("ArticleId");
CREATE INDEX "IX_Claims_SpeakerId_ArticleId" ON "Claims" ("SpeakerId", "ArticleId");
CREATE INDEX "IX_EventParticipants_ActorId" ON "EventParticipants" ("ActorId");
CREATE INDEX "IX_EventReports_ArticleId" ON "EventReports" ("ArticleId");
CREATE INDEX "IX_EventReports_EventId_ArticleId" ON "EventReports" ("EventId", "ArticleId");
CREATE INDEX "IX_Events_HappenedOn" ON "Events" ("HappenedOn");
CREATE INDEX "IX_EventTopics_TopicSlug" ON "EventTopics" ("TopicSlug");
CREATE UNIQUE INDEX "IX_Feeds_Url" ON "Feeds" ("Url");
