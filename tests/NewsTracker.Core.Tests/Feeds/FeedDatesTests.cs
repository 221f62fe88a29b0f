using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

/// <summary>feedparser's date-parser cases (Corpus/date_parsers.tsv); known gaps are in Corpus/date-known-failures.tsv.</summary>
public class FeedDatesTests
{
    public static TheoryData<string, string, string> DateCases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var line in File.ReadLines(Path.Combine(FeedCorpus.Root, "date_parsers.tsv")).Skip(1))
            {
                var fields = line.Split('\t');
                data.Add(fields[0], fields[1], fields[2]);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(DateCases))]
    public void Date_case(string parser, string input, string expected)
    {
        bool parsed = FeedDates.TryParse(input, out var value);
        var actual = parsed ? string.Join(",", FeedparserExpectation.TimeTupleOf(value)) : "None";
        bool passes = actual == expected;

        if (FeedCorpus.KnownDateFailures.TryGetValue(parser + "\t" + input, out var reason))
            Assert.False(passes, $"{parser} '{input}' is listed in date-known-failures.tsv ({reason}) but now passes: remove it.");
        else
            Assert.True(passes, $"{parser} '{input}': expected {expected}, got {actual}");
    }
}
