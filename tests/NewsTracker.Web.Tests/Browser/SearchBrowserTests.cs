using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>
/// The search page, against its contract: /search?q=words, a form with input[name=q], results .search-result with the
/// matched words in &lt;mark&gt;. Skipped while the app has no /search page (see <see cref="SearchPageFactAttribute"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserApp browser, ITestOutputHelper output)
{
    [SearchPageFact]
    public async Task Searching_from_the_form_lists_results_with_the_words_marked_and_keeps_the_query()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/search");
        Assert.True(response!.Ok, $"GET /search: {response.Status}");

        var box = page.Locator("input[name=q]");
        await box.FillAsync("Alaska");
        await box.PressAsync("Enter");
        await page.ArrivedAtAsync(new Regex(@"/search\?(.*&)?q=Alaska(&|$)"));
        await Expect(box).ToHaveValueAsync("Alaska");

        var results = page.Locator(".search-result");
        await Expect(results.First).ToBeVisibleAsync();
        // Every result shows why it matched: the word, marked.
        await Expect(results.Filter(new() { HasNot = page.Locator("mark", new() { HasTextRegex = new Regex("alaska", RegexOptions.IgnoreCase) }) })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "search-alaska", output);
        await page.Context.CloseAsync();
    }

    [SearchPageFact]
    public async Task Search_by_URL_marks_each_of_several_words_and_an_unknown_word_finds_nothing()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/search?q=Putin+ceasefire");
        Assert.True(response!.Ok, $"GET /search?q=Putin+ceasefire: {response.Status}");
        await Expect(page.Locator("input[name=q]")).ToHaveValueAsync("Putin ceasefire");
        var results = page.Locator(".search-result");
        await Expect(results.First).ToBeVisibleAsync();
        var marked = (await results.Locator("mark").AllInnerTextsAsync()).Select(m => m.Trim().ToLowerInvariant()).ToList();
        Assert.Contains(marked, m => m.Contains("putin"));
        Assert.Contains(marked, m => m.Contains("ceasefire"));

        response = await page.GotoAsync("/search?q=zzyzxqwv");
        Assert.True(response!.Ok, $"GET /search?q=zzyzxqwv: {response.Status}");
        await Expect(page.Locator("main")).ToBeVisibleAsync();
        await Expect(results).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
