using System.Globalization;
using System.Text;

namespace NewsTracker.Core.Stories;

/// <summary>URL keys for names: "Volodymyr Zelenskyy" becomes "volodymyr-zelenskyy", "Erdoğan" becomes "erdogan".</summary>
public static class Slug
{
    public static string From(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool dash = false;
        foreach (char c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (c != '.' && c != '\'' && c != '’') dash = true;
        }
        return sb.ToString();
    }
}
