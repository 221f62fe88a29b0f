namespace NewsTracker.Web.Ingestion;

/// <summary>Configuration section "NewsTracker:Ingestion".</summary>
public sealed class IngestionOptions
{
    public const string Section = "NewsTracker:Ingestion";

    /// <summary>Feeds to poll: http(s) URLs or file paths (relative paths are taken from the app's folder). Added to the store at start.</summary>
    public List<string> Feeds { get; set; } = [];

    /// <summary>How often a feed is polled until its publishing rhythm is known.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Bounds for the interval adapted to how often a feed publishes.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The wait after the first failure; it doubles with each further one, up to MaxErrorBackoff.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan MaxErrorBackoff { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A feed failing this many times in a row is paused with its reason, not retried forever.</summary>
    public int PauseAfterErrors { get; set; } = 10;

    /// <summary>How many feeds are fetched at once; one slow server holds up only its own slot.</summary>
    public int MaxConcurrentFeeds { get; set; } = 4;

    /// <summary>How long an instance holds a feed it is refreshing; a claim left by an instance that died expires after this.</summary>
    public TimeSpan FeedLease { get; set; } = TimeSpan.FromMinutes(10);

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
