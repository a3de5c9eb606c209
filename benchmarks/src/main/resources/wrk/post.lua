-- One fixed request, repeated. Arguments: authorization, content type, body, expected status,
-- and optionally a file prefix: each thread then appends the elevatedAccessToken of every answer
-- to <prefix>-<thread>.txt, for the runs that spend tokens.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "harness.lua")

function init(args)
  wrk.method = "POST"
  if args[1] ~= "" then wrk.headers["Authorization"] = args[1] end
  wrk.headers["Content-Type"] = args[2]
  wrk.body = args[3]
  expected = tonumber(args[4])
  bad = 0
  if args[5] then
    out = io.open(args[5] .. "-" .. id .. ".txt", "w")
    out:setvbuf("line")
  end
end

function response(status, headers, body)
  if status ~= expected then
    bad = bad + 1
  elseif out then
    local token = body:match('"elevatedAccessToken"%s*:%s*"([^"]+)"')
    if token then out:write(token, "\n") else bad = bad + 1 end
  end
end
