-- What every harness script shares, loaded by each from its own folder: threads numbered from 1
-- (the global id in each thread), and at the end one line Wrk.java reads, with the answers the
-- threads counted as bad (the global bad in each thread) and wrk's latency percentiles.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("bad") or 0) end
  io.write(string.format("HARNESS bad=%d p50=%d p99=%d\n",
    total, latency:percentile(50), latency:percentile(99)))
end
