-- wrk script: sends the Basic auth header from AUTH (base64 of user:password) and prints one
-- machine-readable RESULT line. Latency at a fixed offered load is measured by paced_get.cpp.
wrk.headers["Authorization"] = "Basic " .. os.getenv("AUTH")
wrk.headers["Accept"] = "application/xml"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000.0, latency:percentile(99) / 1000.0,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
