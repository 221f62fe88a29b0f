using System.Buffers;
using System.Net;
using Microsoft.Extensions.Options;

namespace NewsTracker.Web.Ingestion;

/// <summary>A fetched feed or page: its bytes, undecoded, the HTTP Content-Type that tells their charset, and its cache validators.</summary>
public sealed record FetchedDocument(byte[] Body, string? ContentType, string Location, string? ETag = null, string? LastModified = null);

/// <summary>What a previous response said about its version, so the server can answer 304 Not Modified.</summary>
public sealed record CacheValidators(string? ETag, string? LastModified);

/// <summary>A fetch that failed; the message says why in words a user can act on.</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long the server asked us to wait (429 or 503 with Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>Fetches feeds and pages over http(s), or reads them from local files, within the configured time and size limits.</summary>
public sealed class DocumentFetcher(HttpClient http, IOptions<IngestionOptions> options)
{
    public const string UserAgent = "NewsTracker/1.0";

    const int MaxRedirects = 5;

    public static bool IsHttp(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public async Task<FetchedDocument> FetchAsync(string location, CancellationToken ct) =>
        (await FetchAsync(location, null, ct))!;

    /// <summary>The document, or null when the validators show it has not changed since the last fetch.</summary>
    public Task<FetchedDocument?> FetchAsync(string location, CacheValidators? validators, CancellationToken ct) =>
        IsHttp(location) ? FetchHttpAsync(new Uri(location), validators, ct) : ReadFileAsync(location, ct);

    async Task<FetchedDocument?> FetchHttpAsync(Uri uri, CacheValidators? validators, CancellationToken ct)
    {
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.HttpTimeout);
        try
        {
            using var response = await SendFollowingRedirectsAsync(uri, validators, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotModified)
                return null;
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                var retryAfter = response.Headers.RetryAfter is { } header
                    ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                    : null;
                throw new FetchException($"HTTP {(int)response.StatusCode} from {uri.Host}: the server asks to slow down" +
                    (retryAfter is { } wait ? $" (retry after {wait.TotalMinutes:0.#} min)" : "")) { RetryAfter = retryAfter };
            }
            if (!response.IsSuccessStatusCode)
                throw new FetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()} from {uri.Host}");
            if (response.Content.Headers.ContentLength > limits.MaxResponseBytes)
                throw new FetchException($"the response is {response.Content.Headers.ContentLength:N0} bytes, over the limit of {limits.MaxResponseBytes:N0}");

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var bytes = await ReadCappedAsync(body, response.Content.Headers.ContentLength, limits.MaxResponseBytes, timeout.Token);
            return new FetchedDocument(bytes, response.Content.Headers.ContentType?.ToString(), response.RequestMessage!.RequestUri!.ToString(),
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new FetchException($"{uri.Host} did not answer within {limits.HttpTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e) when (e.InnerException is FetchException refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"could not reach {uri.Host}: {e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "the name does not resolve",
                HttpRequestError.ConnectionError => "the connection failed",
                HttpRequestError.SecureConnectionError => "the TLS handshake failed",
                _ => e.Message,
            }}", e);
        }
    }

    /// <summary>
    /// Sends the request, following redirects here rather than in the handler: a redirect may only lead to another
    /// http(s) address, and anything else (file:, javascript:, data:, a malformed Location) is this fetch's failure,
    /// said in words, instead of an exception from deep inside the handler that no caller expects.
    /// </summary>
    async Task<HttpResponseMessage> SendFollowingRedirectsAsync(Uri uri, CacheValidators? validators, CancellationToken ct)
    {
        for (int redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (validators?.ETag is string etag && System.Net.Http.Headers.EntityTagHeaderValue.TryParse(etag, out var tag))
                request.Headers.IfNoneMatch.Add(tag);
            if (validators?.LastModified is string lastModified && DateTimeOffset.TryParse(lastModified, out var since))
                request.Headers.IfModifiedSince = since;
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!IsRedirect(response.StatusCode))
                return response;
            using (response)
            {
                if (redirects == MaxRedirects)
                    throw new FetchException($"too many redirects from {uri.Host} (more than {MaxRedirects})");
                uri = RedirectTarget(uri, response);
            }
        }
    }

    static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    static Uri RedirectTarget(Uri from, HttpResponseMessage response)
    {
        string? location = response.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrWhiteSpace(location))
            throw new FetchException($"{from.Host} answered HTTP {(int)response.StatusCode}, a redirect without a Location");
        if (!Uri.TryCreate(from, location.Trim(), out var target) || !IsHttp(target.ToString()) || target.Host.Length == 0)
            throw new FetchException($"{from.Host} redirects to a non-web address ({Shorten(location)}); only http and https are followed");
        if (from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
            throw new FetchException($"{from.Host} redirects from https to plain http ({Shorten(location)}), which is not followed");
        return target;
    }

    static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>
    /// The body, refused once it passes <paramref name="maxBytes"/> whatever the server declared. A declared length
    /// sizes the buffer once, and a body of exactly that length is returned without a copy.
    /// </summary>
    static async Task<byte[]> ReadCappedAsync(Stream body, long? declaredLength, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream(declaredLength is long n and > 0 ? (int)Math.Min(n, Math.Min(maxBytes, Array.MaxLength)) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw new FetchException($"the response is larger than the limit of {maxBytes:N0} bytes");
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    async Task<FetchedDocument?> ReadFileAsync(string location, CancellationToken ct)
    {
        string path = ResolveFilePath(location);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > options.Value.MaxResponseBytes)
                throw new FetchException($"the file is {info.Length:N0} bytes, over the limit of {options.Value.MaxResponseBytes:N0}");
            // Read with the same cap as a response: a device or a growing file declares no true length.
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true);
            return new FetchedDocument(await ReadCappedAsync(file, info.Length, options.Value.MaxResponseBytes, ct), null, path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FetchException($"no file at {path}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FetchException($"no permission to read {path}", e);
        }
    }

    /// <summary>A relative path is taken from the current folder when a file is there, else from the app's folder (where the bundled samples are).</summary>
    public static string ResolveFilePath(string location)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.IsFile) return uri.LocalPath;
        if (Path.IsPathRooted(location) || File.Exists(location)) return Path.GetFullPath(location);
        return Path.Combine(AppContext.BaseDirectory, location);
    }

    /// <summary>
    /// The primary handler for the fetch client: decompression, a cap on redirects, and no connections to
    /// loopback or private addresses unless configuration allows them. The check runs on the address actually
    /// connected to, so neither a redirect nor a DNS answer can lead a fetch into the local network.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(IngestionOptions options) => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false, // followed in SendFollowingRedirectsAsync, which refuses non-web targets
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => !IsPrivate(a) || options.AllowedPrivateAddresses.Contains(a.ToString())).ToArray();
            if (allowed.Length == 0)
                throw new FetchException($"refused: {context.DnsEndPoint.Host} is a loopback or private address " +
                    $"({string.Join(", ", addresses.Select(a => a.ToString()))}); allow it with NewsTracker:Ingestion:AllowedPrivateAddresses");
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return true;
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return address.Equals(IPAddress.IPv6Any);
        byte[] b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)   // link-local, including cloud metadata endpoints
            || (b[0] == 100 && b[1] is >= 64 and <= 127); // carrier-grade NAT
    }
}
