namespace NewsTracker.Web.Pages.Shared;

/// <summary>A small bar chart drawn server-side as SVG (no script, nothing from a CDN); see _BarChart.cshtml.</summary>
public sealed record BarChart(string Title, string Unit, IReadOnlyList<(string Label, int Count)> Bars)
{
    public const int Width = 640, Height = 120, LabelSpace = 18;

    public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Count);
    /// <summary>Bars share the width, but a few days of data should not look like a wall: at most 24 units each.</summary>
    public double BarWidth => Bars.Count == 0 ? 0 : Math.Min(24, (double)Width / Bars.Count);
    public double BarHeight(int count) => Max == 0 ? 0 : (Height - LabelSpace - 4) * count / (double)Max;
    public string Summary => Bars.Count == 0 ? "no data"
        : $"{Bars.Sum(b => b.Count)} {Unit} from {Bars[0].Label} to {Bars[^1].Label}, most ({Max}) on {Bars.First(b => b.Count == Max).Label}";
}
