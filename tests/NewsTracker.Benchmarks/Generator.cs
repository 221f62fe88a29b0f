namespace NewsTracker.Benchmarks;
static class Generator { public static Task<int> RunAsync(string file, string[] args) => Task.FromResult(2); }
