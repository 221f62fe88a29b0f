namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>
/// Many distinct on-story feed items made up for load and crash tests: each is a quote and a meeting that the
/// extraction finds, in a body of words drawn at random (seeded by the item's number) so that no two items are
/// near-duplicates of each other, and long enough that the ingestor keeps the feed's text and fetches no page.
/// </summary>
public static class GeneratedArticles
{
    static readonly string[] Words =
    [
        "officials", "negotiators", "delegation", "proposal", "draft", "framework", "capital", "front", "line", "region",
        "envoy", "minister", "statement", "weekend", "border", "agreement", "sanctions", "relief", "exchange", "prisoners",
        "energy", "infrastructure", "grain", "corridor", "sea", "port", "monitoring", "mission", "observers", "withdrawal",
        "troops", "artillery", "drones", "overnight", "attack", "shelling", "villages", "evacuation", "aid", "convoy",
        "parliament", "vote", "referendum", "constitution", "elections", "martial", "law", "mobilisation", "reserves", "budget",
        "loan", "reconstruction", "fund", "investors", "assets", "frozen", "bank", "tariffs", "exports", "pipeline",
        "summit", "venue", "Geneva", "Istanbul", "Riyadh", "Budapest", "Alaska", "Brussels", "Paris", "London",
        "memorandum", "annex", "guarantees", "deterrence", "airspace", "coalition", "allies", "partners", "pressure", "deadline",
        "cautious", "optimism", "skeptical", "analysts", "diplomats", "sources", "briefing", "reporters", "transcript", "interview",
        "morning", "evening", "Monday", "Thursday", "Friday", "week", "month", "round", "phase", "timetable",
    ];

    public static string Link(int n) => $"https://wire.test/generated/{n}";

    public static string Title(int n) => $"Peace talks update {n}: Zelenskiy and Putin envoys meet";

    public static string Body(int n)
    {
        var random = new Random(n);
        string Paragraph() => string.Join(' ', Enumerable.Range(0, 70).Select(_ => Words[random.Next(Words.Length)])) + ".";
        return $"""
            <p>Zelenskiy met Trump in Washington on Monday to discuss a ceasefire in Ukraine, officials said in update {n}.</p>
            <p>"We are ready for talks, but not for surrender," Zelenskiy said after the meeting.</p>
            <p>{Paragraph()}</p>
            <p>{Paragraph()}</p>
            """;
    }

    public static (string Title, string Link, string Body) Item(int n) => (Title(n), Link(n), Body(n));
}
