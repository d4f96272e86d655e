-- wrk script: opens the receipt page of every code in $CODES_FILE once (GET a form for the CSRF
-- pair, then POST /receipt with each code); counts pages that show the report and any that fail.
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  thread:set("of", 0)
  table.insert(threads, thread)
end

local codes = {}
local next_index = 1
local cookie, token
opened, failed, total = 0, 0, 0
local finished = false

function init(args)
  local n = tonumber(os.getenv("THREADS") or "1")
  local i = 0
  for line in io.lines(os.getenv("CODES_FILE")) do
    if i % n == id - 1 then table.insert(codes, line) end
    i = i + 1
  end
  total = #codes
end

function request()
  if not cookie then return wrk.format("GET", "/receipt") end
  if next_index > #codes then
    finished = true
    return wrk.format("GET", "/healthz")
  end
  local code = codes[next_index]
  next_index = next_index + 1
  return wrk.format("POST", "/receipt", {
    ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie,
  }, "code=" .. code .. "&csrf=" .. token)
end

function response(status, headers, resp)
  if not cookie then
    local c = headers["Set-Cookie"] or headers["set-cookie"]
    token = resp:match('name="csrf" value="([0-9A-Z]+)"')
    if c then cookie = c:match("^([^;]+)") end
    return
  end
  if resp == "ok" then return end
  if status == 200 and resp:find("Your report", 1, true) then opened = opened + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local o, f, t = 0, 0, 0
  for _, th in ipairs(threads) do
    o = o + th:get("opened")
    f = f + th:get("failed")
    t = t + th:get("total")
  end
  io.write(string.format("receipts to open: %d, opened: %d, failed: %d\n", t, o, f))
end
