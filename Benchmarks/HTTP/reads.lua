-- wrk script: GET one path, optionally with If-None-Match, counting 200/304 apart from the rest.
-- Usage: wrk -s reads.lua URL -- PATH [ETAG]
local path, etag = "/comments?post=article-0", nil
local threads = {}
ok, other = 0, 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path = args[1] or path
  etag = args[2]
  local headers = { ["Accept-Language"] = "ar" }
  if etag and etag ~= "" then headers["If-None-Match"] = etag end
  req = wrk.format("GET", path, headers)
end

request = function() return req end

response = function(status, headers, body)
  if status == 200 or status == 304 then ok = ok + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local good, bad = 0, 0
  for _, t in ipairs(threads) do good = good + t:get("ok"); bad = bad + t:get("other") end
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f ok=%d other=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    good, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
