using NewsTracker.Core.Feeds;
using Xunit.Abstractions;

namespace NewsTracker.Core.Tests.Feeds;

/// <summary>
/// The feedparser conformance corpus, data-driven. A case fails the suite when it fails unexpectedly, or when a
/// case listed in Corpus/known-failures.tsv passes (or stops applying), so that the list stays honest.
/// </summary>
public class FeedCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> CorpusPaths => new(FeedCorpus.Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CorpusPaths))]
    public void Corpus_case_meets_its_expectation(string path)
    {
        var outcome = FeedCorpus.Run(FeedCorpus.Cases[path]);

        Assert.True(outcome.Crash is null, $"{path}: an exception other than FeedParseException escaped: {outcome.Crash}");
        if (FeedCorpus.KnownFailures.TryGetValue(path, out var reason))
        {
            Assert.True(outcome.Verdict == Verdict.Fail,
                $"{path} is listed in known-failures.tsv ({reason}) but is now {outcome.Verdict}: remove it from the list.");
        }
        else
        {
            Assert.True(outcome.Verdict != Verdict.Fail, $"{path}: {outcome.Case.Expectation} -> {outcome.Detail}");
        }
    }

    /// <summary>
    /// Every corpus file, as it is and mangled the ways real feeds break (charset declaration gone, a control character
    /// and a reference to one dropped in, cut short, bytes garbled, a bogus HTTP charset): the parser may refuse any of
    /// them, but only with its own FeedParseException, the one a feed's status can show, and for a reason it knows.
    /// </summary>
    [Theory]
    [MemberData(nameof(CorpusPaths))]
    public void Corpus_file_as_is_and_mangled_throws_nothing_but_FeedParseException(string path)
    {
        var corpusCase = FeedCorpus.Cases[path];
        var bytes = File.ReadAllBytes(System.IO.Path.Combine(FeedCorpus.Root, path));
        var crashes = new List<string>();
        foreach (var (variant, body, contentType) in Variants(bytes, corpusCase.ContentType, StableSeed(path)))
        {
            try
            {
                FeedParser.Parse(body, contentType);
            }
            catch (FeedParseException e) when (e.InnerException is null or System.Xml.XmlException)
            {
                // Refused with a reason of the parser's own, or the XML reader's, with its position.
            }
            catch (Exception e)
            {
                // FeedParser wraps any other exception as "unreadable feed: ...", which keeps the contract but hides a
                // bug: it counts as a crash here.
                crashes.Add($"{variant}: {(e is FeedParseException { InnerException: { } inner } ? inner : e).GetType().Name}: {e.Message}");
            }
        }
        Assert.True(crashes.Count == 0, $"{path}: {string.Join("; ", crashes)}");
    }

    private static IEnumerable<(string Variant, byte[] Body, string? ContentType)> Variants(byte[] bytes, string? contentType, int seed)
    {
        yield return ("as is", bytes, contentType);
        var latin1 = System.Text.Encoding.Latin1;
        var undeclared = latin1.GetBytes(System.Text.RegularExpressions.Regex.Replace(latin1.GetString(bytes), @"\sencoding\s*=\s*[""'][^""']*[""']", ""));
        yield return ("no charset declared", undeclared, null);
        int middle = bytes.Length / 2;
        yield return ("control characters in the middle", [.. bytes[..middle], 0x0F, .. "&#1;&#xFFFF;"u8, 0x01, .. bytes[middle..]], contentType);
        yield return ("cut at a third", bytes[..(bytes.Length / 3)], contentType);
        yield return ("cut at two thirds", bytes[..(bytes.Length * 2 / 3)], contentType);
        var random = new Random(seed);
        var garbled = (byte[])bytes.Clone();
        for (int i = 0; i < Math.Max(1, garbled.Length / 100); i++)
            garbled[random.Next(garbled.Length)] = (byte)random.Next(256);
        yield return ("1% of the bytes garbled", garbled, contentType);
        yield return ("a bogus HTTP charset", bytes, "application/xml; charset=x-no-such-charset");
    }

    /// <summary>The same seed on every run (string.GetHashCode differs between processes).</summary>
    private static int StableSeed(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    [Fact]
    public void Known_failures_name_corpus_files()
    {
        Assert.All(FeedCorpus.KnownFailures.Keys, path => Assert.Contains(path, FeedCorpus.Cases.Keys));
    }

    /// <summary>Run with: dotnet test tests/NewsTracker.Core.Tests --filter Pass_rate_per_group --logger "console;verbosity=detailed"</summary>
    [Fact]
    public void Pass_rate_per_group()
    {
        var outcomes = FeedCorpus.Cases.Values.Select(FeedCorpus.Run).ToList();
        output.WriteLine($"{"group",-14} {"files",5} {"pass",5} {"fail",5} {"n/a",5} {"rejected",8} {"rate",7}");
        foreach (var group in outcomes.GroupBy(o => o.Case.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine(Row(group.Key, group.ToList()));
        var scored = outcomes.Where(o => FeedCorpus.ScoredGroups.Contains(o.Case.Group)).ToList();
        output.WriteLine(Row("well-formed+encoding", scored));
        output.WriteLine("");
        foreach (var failure in outcomes.Where(o => o.Verdict == Verdict.Fail).OrderBy(o => o.Case.Path, StringComparer.Ordinal))
            output.WriteLine($"FAIL {failure.Case.Path}: {FeedCorpus.KnownFailures.GetValueOrDefault(failure.Case.Path, failure.Detail)}");
        output.WriteLine("");
        foreach (var rejected in outcomes.Where(o => o.Rejected).OrderBy(o => o.Case.Path, StringComparer.Ordinal))
            output.WriteLine($"REJECTED {rejected.Case.Path}: {rejected.ParseError}");
        output.WriteLine("");
        foreach (var notApplicable in outcomes.Where(o => o.Verdict == Verdict.NotApplicable).OrderBy(o => o.Case.Path, StringComparer.Ordinal))
            output.WriteLine($"N/A  {notApplicable.Case.Path}: {notApplicable.Case.Expectation}");

        Assert.All(outcomes, o => Assert.Null(o.Crash));
        Assert.True(Rate(scored) >= 0.95, $"well-formed+encoding pass rate {Rate(scored):P1} is below 95%");
    }

    private static double Rate(IReadOnlyCollection<CorpusOutcome> outcomes)
    {
        int pass = outcomes.Count(o => o.Verdict == Verdict.Pass);
        int applicable = pass + outcomes.Count(o => o.Verdict == Verdict.Fail);
        return applicable == 0 ? 1 : (double)pass / applicable;
    }

    private static string Row(string group, IReadOnlyCollection<CorpusOutcome> outcomes) =>
        $"{group,-14} {outcomes.Count,5} {outcomes.Count(o => o.Verdict == Verdict.Pass),5} {outcomes.Count(o => o.Verdict == Verdict.Fail),5} " +
        $"{outcomes.Count(o => o.Verdict == Verdict.NotApplicable),5} {outcomes.Count(o => o.Rejected),8} {Rate(outcomes),7:P1}";
}
