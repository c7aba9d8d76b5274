-- wrk script: Basic auth header from AUTH (base64 of user:password), and an optional fixed rate.
-- RATE (requests/s in total) is spread over CONNECTIONS; wrk's delay() spaces each connection's
-- requests, so latency percentiles are measured at that offered load, not at saturation.
-- wrk truncates delay() to whole milliseconds, so run.sh picks CONNECTIONS to make the interval
-- a few milliseconds long.
local auth = os.getenv("AUTH")
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "1")

wrk.headers["Authorization"] = "Basic " .. auth
wrk.headers["Accept"] = "application/xml"

if rate > 0 then
  local interval_ms = math.floor(1000.0 * connections / rate + 0.5)
  function delay()
    return interval_ms
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000.0, latency:percentile(99) / 1000.0,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
