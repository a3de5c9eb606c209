-- As post.lua, with one of many bodies per request. Arguments: authorization, content type, a file
-- of bodies (one per line), expected status. Each request takes a body at random, so the server
-- sees the users of those bodies interleaved as it would in use.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "harness.lua")

function init(args)
  wrk.method = "POST"
  if args[1] ~= "" then wrk.headers["Authorization"] = args[1] end
  wrk.headers["Content-Type"] = args[2]
  bodies = {}
  for line in io.lines(args[3]) do table.insert(bodies, line) end
  expected = tonumber(args[4])
  math.randomseed(os.time() * 100 + id)
  bad = 0
end

function request()
  return wrk.format(nil, nil, nil, bodies[math.random(#bodies)])
end

function response(status, headers, body)
  if status ~= expected then bad = bad + 1 end
end
