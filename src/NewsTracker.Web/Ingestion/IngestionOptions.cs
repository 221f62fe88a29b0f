namespace NewsTracker.Web.Ingestion;

/// <summary>Configuration section "NewsTracker:Ingestion".</summary>
public sealed class IngestionOptions
{
    public const string Section = "NewsTracker:Ingestion";

    /// <summary>Feeds to poll: http(s) URLs or file paths (relative paths are taken from the app's folder). Added to the store at start.</summary>
    public List<string> Feeds { get; set; } = [];

    /// <summary>How often each feed is polled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the scheduler looks for due feeds.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the background scheduler runs at all (off for one-shot commands and some tests).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Responses larger than this are refused, so one bad server cannot exhaust memory.</summary>
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Loopback or private addresses that feeds and pages may be fetched from (e.g. "127.0.0.1"); none by default.</summary>
    public List<string> AllowedPrivateAddresses { get; set; } = [];

    /// <summary>Fetch the linked page when a feed item's text is shorter than this many characters.</summary>
    public int MinFeedTextLength { get; set; } = 800;
}
