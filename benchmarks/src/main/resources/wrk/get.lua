-- One GET, repeated. Argument: the expected status.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "harness.lua")

function init(args)
  wrk.method = "GET"
  expected = tonumber(args[1])
  bad = 0
end

function response(status, headers, body)
  if status ~= expected then bad = bad + 1 end
end
