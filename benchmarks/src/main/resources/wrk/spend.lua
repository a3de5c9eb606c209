-- Spends one single-use token per request. Arguments: mode ("introspect" with an API key, or
-- "action" with a session token), authorization, the token files' prefixes (comma-separated),
-- the number of files per prefix, the number of threads. A request after the tokens ran out, or any answer that did not spend
-- a token, counts as bad.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "harness.lua")

function init(args)
  mode = args[1]
  wrk.method = "POST"
  wrk.headers["Authorization"] = args[2]
  wrk.headers["Content-Type"] = "application/json"
  local files, nthreads = tonumber(args[4]), tonumber(args[5])
  tokens = {}
  local n = 0
  for prefix in string.gmatch(args[3], "[^,]+") do
    for f = 1, files do
      local handle = io.open(prefix .. "-" .. f .. ".txt", "r")
      if handle then
        for line in handle:lines() do
          n = n + 1
          if n % nthreads == id - 1 then table.insert(tokens, line) end
        end
        handle:close()
      end
    end
  end
  position = 0
  bad = 0
end

function request()
  position = position + 1
  local token = tokens[position] or tokens[#tokens] or "none"
  if mode == "introspect" then
    return wrk.format(nil, nil, nil, '{"token":"' .. token .. '","consume":true}')
  end
  wrk.headers["X-Elevated-Access-Token"] = token
  return wrk.format(nil, nil, nil, "{}")
end

function response(status, headers, body)
  if mode == "introspect" then
    if status ~= 200 or not body:find('"active":true', 1, true) then bad = bad + 1 end
  elseif status ~= 200 then
    bad = bad + 1
  end
end
