using Microsoft.Extensions.Options;

namespace NewsTracker.Web.Ingestion;

/// <summary>When a feed is fetched next: at the pace it publishes after a success, backing off after failures.</summary>
public sealed class PollSchedule(IOptions<IngestionOptions> options)
{
    IngestionOptions Options => options.Value;

    /// <summary>
    /// The interval for a feed whose newest items were published at these times: the median gap between them,
    /// within the configured bounds, so a busy wire is read often and a weekly blog is left alone.
    /// </summary>
    public TimeSpan IntervalFor(IEnumerable<DateTimeOffset> published)
    {
        var newest = published.OrderByDescending(d => d).Take(20).ToList();
        if (newest.Count < 2) return Options.PollInterval;
        var gaps = newest.Zip(newest.Skip(1), (later, earlier) => later - earlier).Order().ToList();
        var median = gaps[gaps.Count / 2];
        return median < Options.MinPollInterval ? Options.MinPollInterval
            : median > Options.MaxPollInterval ? Options.MaxPollInterval
            : median;
    }

    /// <summary>The wait after the nth consecutive failure, or what the server asked for if it said (within the maximum).</summary>
    public TimeSpan BackoffAfter(int consecutiveErrors, TimeSpan? serverAsked)
    {
        var doubling = Options.ErrorBackoff * Math.Pow(2, Math.Min(consecutiveErrors - 1, 20));
        var wait = serverAsked is { } asked && asked > doubling ? asked : doubling;
        return wait > Options.MaxErrorBackoff ? Options.MaxErrorBackoff : wait;
    }

    public bool ShouldPause(int consecutiveErrors) => consecutiveErrors >= Options.PauseAfterErrors;
}
