// Loaded with --import into a process the benchmark measures: reports its peak RSS on exit.
process.on("exit", () => {
  process.stderr.write(`\nBENCH_PEAK_RSS_MB=${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
