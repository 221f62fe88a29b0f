using System.Text.Json;
using Microsoft.Playwright;

namespace NewsTracker.Web.Tests.Browser;

/// <summary>Checks measured in the browser: horizontal overflow and text contrast (WCAG 2 AA).</summary>
public static class PageChecks
{
    /// <summary>Fails when the page scrolls sideways, naming the elements that stick out past the viewport.</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            () => {
              const width = window.innerWidth;
              const offenders = [];
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width > 0 && r.right > width + 0.5) {
                  // Only the outermost offender of a subtree, and not inside something that scrolls itself.
                  let p = el.parentElement, inside = false;
                  for (; p && p !== document.body; p = p.parentElement) {
                    const ox = getComputedStyle(p).overflowX;
                    if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || p.getBoundingClientRect().right > width + 0.5) { inside = true; break; }
                  }
                  if (!inside) offenders.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : ''} right=${Math.round(r.right)} "${(el.textContent || '').trim().slice(0, 40)}"`);
                }
              }
              return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, offenders: offenders.slice(0, 10) };
            }
            """);
        int scrollWidth = result.GetProperty("scrollWidth").GetInt32();
        int innerWidth = result.GetProperty("innerWidth").GetInt32();
        Assert.True(scrollWidth <= innerWidth,
            $"{page.Url} overflows horizontally at {innerWidth}px: scrollWidth {scrollWidth}. Sticking out: {result.GetProperty("offenders")}");
    }

    /// <summary>
    /// Every visible piece of text (an element with its own text) against the background it is drawn on: at least 4.5:1,
    /// or 3:1 for large text (24px, or 18.66px bold). Returns what was measured for the body.
    /// </summary>
    public static async Task<double> AssertTextContrastAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            () => {
              const parse = c => {
                const m = c.match(/rgba?\(([^)]+)\)/);
                if (!m) return null;
                const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
              };
              const lum = c => {
                const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
              };
              const over = (top, below) => ({
                r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a),
                b: top.b * top.a + below.b * (1 - top.a), a: 1 });
              // The background an element is drawn on: its own and its ancestors' backgrounds, composited, over the canvas.
              const backgroundOf = el => {
                const layers = [];
                for (let e = el; e; e = e.parentElement) {
                  const bg = parse(getComputedStyle(e).backgroundColor);
                  if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
                }
                let c = { r: 255, g: 255, b: 255, a: 1 };
                if (!layers.length || layers[layers.length - 1].a < 1) {
                  // The canvas: html's background, or the color-scheme default when none is set.
                  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
                  c = dark ? { r: 18, g: 18, b: 18, a: 1 } : c;
                }
                for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
                return c;
              };
              const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
              const failures = [];
              let checked = 0;
              for (const el of document.body.querySelectorAll('*')) {
                const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!ownText || !el.getClientRects().length) continue;
                const s = getComputedStyle(el);
                if (s.visibility !== 'visible' || Number(s.opacity) === 0) continue;
                const r = el.getBoundingClientRect();
                if (r.right < 0 || r.bottom < 0) continue; // off-screen on purpose (the skip link until focused)
                const fg = parse(s.color), bg = backgroundOf(el);
                if (!fg) continue;
                const value = ratio(over(fg, bg), bg);
                const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
                const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
                checked++;
                if (value < needed)
                  failures.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : ''} "${el.textContent.trim().slice(0, 30)}" ${s.color} on ${JSON.stringify(bg)}: ${value.toFixed(2)} < ${needed}`);
              }
              const body = ratio(parse(getComputedStyle(document.body).color), backgroundOf(document.body));
              return { body, checked, failures: [...new Set(failures)].slice(0, 15) };
            }
            """);
        double body = result.GetProperty("body").GetDouble();
        Assert.True(body >= 4.5, $"{page.Url}: body text contrast {body:0.00} is below 4.5");
        Assert.True(result.GetProperty("checked").GetInt32() > 0, $"{page.Url}: no text was measured");
        var failures = result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.True(failures.Count == 0, $"{page.Url}: text below the contrast minimum:\n{string.Join("\n", failures)}");
        return body;
    }
}
