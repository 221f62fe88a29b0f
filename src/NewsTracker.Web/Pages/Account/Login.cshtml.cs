using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NewsTracker.Web.Admin;

namespace NewsTracker.Web.Pages.Account;

/// <summary>The administrator's sign-in: one password from configuration, attempts rate-limited.</summary>
[EnableRateLimiting(AppSetup.LoginRateLimit)]
public sealed class LoginModel(AdminPassword password, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool Configured => password.IsConfigured;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!password.IsConfigured)
        {
            Error = "No administrator password is configured. Set NewsTracker__AdminPassword and restart the app.";
            return Page();
        }
        if (!password.Matches(Password))
        {
            log.LogWarning("Failed administrator sign-in from {RemoteIp}", HttpContext.Connection.RemoteIpAddress);
            Error = "That password is not right.";
            return Page();
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "admin")],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/feeds");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
