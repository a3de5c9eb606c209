-- One GET, repeated. Argument: the expected status.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "GET"
  expected = tonumber(args[1])
  bad = 0
end

function response(status, headers, body)
  if status ~= expected then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("bad") or 0) end
  io.write(string.format("HARNESS bad=%d p50=%d p99=%d\n",
    total, latency:percentile(50), latency:percentile(99)))
end
