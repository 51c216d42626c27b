using System.Net;
using System.Net.Http;
using System.Security.Cryptography;

namespace RnnKit.Data;

/// <summary>
/// Downloads one file safely: into a temporary file next to the destination, counting bytes against the
/// Content-Length and the expected size, hashing as it goes; only a complete file with the expected SHA-256 is
/// moved to the destination. On any failure the temporary file is deleted, so the cache never holds a corrupt or
/// truncated file.
/// </summary>
public static class Downloader
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Only HTTPS is accepted, except plain HTTP to a loopback address (a test server on 127.0.0.1): data from the
    /// network is checked by hash, but the address must not be open to tampering either.
    /// </summary>
    public static Uri RequireSecure(string url, string where)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new DatasetException($"{where}: '{url}' is not an http(s) address");
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            throw new DatasetException($"{where}: '{url}' must use https (plain http is allowed only to a loopback address)");
        return uri;
    }

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/> if it has the expected size and hash.</summary>
    /// <param name="url">HTTPS address (or HTTP on loopback).</param>
    /// <param name="destination">Final path; its folder is created. It is written only after verification.</param>
    /// <param name="sha256">Expected lower-case hex SHA-256.</param>
    /// <param name="size">Expected size in bytes.</param>
    /// <param name="timeout">Limit for the whole transfer.</param>
    /// <param name="progress">Where to draw a progress bar (stderr), or null for none.</param>
    /// <param name="label">The dataset name, for the bar and the messages.</param>
    /// <exception cref="DatasetException">Unreachable server, HTTP error, truncated transfer, wrong size or hash.</exception>
    public static void Download(string url, string destination, string sha256, long size, TimeSpan timeout, TextWriter? progress, string label)
    {
        var uri = RequireSecure(url, $"dataset '{label}'");
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.part");
        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            var received = TransferAsync(uri, temporary, size, progress, label, cancel.Token).GetAwaiter().GetResult();
            if (received.Length != size)
                throw new DatasetException($"dataset '{label}': {url} sent {received.Length} bytes but the manifest says {size}; the file was not kept");
            if (received.Sha256 != sha256)
                throw new DatasetException($"dataset '{label}': {url} has SHA-256 {received.Sha256} but the manifest says {sha256}; the file was not kept");
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static async Task<(long Length, string Sha256)> TransferAsync(Uri uri, string temporary, long size, TextWriter? progress,
        string label, CancellationToken cancel)
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new DatasetException($"dataset '{label}': could not reach {uri}: {e.Message}; check the network, or get the file by hand and put it in the cache", e);
        }
        catch (OperationCanceledException e)
        {
            throw new DatasetException($"dataset '{label}': {uri} did not answer in time", e);
        }
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
                throw new DatasetException($"dataset '{label}': {uri} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            var announced = response.Content.Headers.ContentLength;
            var bar = progress is null ? null : new ProgressBar(progress, label, announced ?? size);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long received = 0;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancel);
                await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await body.ReadAsync(buffer, cancel)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancel);
                    hash.AppendData(buffer, 0, read);
                    received += read;
                    bar?.Report(received);
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new DatasetException($"dataset '{label}': the transfer from {uri} was cut off after {received} of {announced?.ToString() ?? "?"} bytes ({e.Message}); the partial file was not kept", e);
            }
            catch (OperationCanceledException e)
            {
                throw new DatasetException($"dataset '{label}': the transfer from {uri} did not finish in time ({received} bytes received); the partial file was not kept", e);
            }
            finally
            {
                bar?.Finish();
            }
            if (announced is { } expected && received != expected)
                throw new DatasetException($"dataset '{label}': the transfer from {uri} was truncated: {received} of {expected} bytes; the partial file was not kept");
            return (received, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
    }
}
