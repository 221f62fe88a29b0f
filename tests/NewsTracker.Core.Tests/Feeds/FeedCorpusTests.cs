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
