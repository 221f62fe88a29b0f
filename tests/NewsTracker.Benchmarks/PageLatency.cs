namespace NewsTracker.Benchmarks;
static class PageLatency { public static Task<int> RunAsync(string file, string[] args) => Task.FromResult(2); }
