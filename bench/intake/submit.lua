-- wrk script: each submission GETs the report form (a fresh CSRF cookie and token) and POSTs a
-- filled-in report with them. Receipt codes of acknowledged submissions are appended to
-- $CODES_DIR/codes-<thread>.txt so verify.lua can open every one afterwards.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local cookie, token
local want_post = false
acked, refused, forms = 0, 0, 0
local out

local body = "danger=no&role=taxi-driver&signs=young-people&signs=night-traffic"
  .. "&text=Two+girls+who+looked+about+14+were+taken+up+to+room+12+by+older+men+around+midnight.+Nobody+on+reception."
  .. "&premises=Canalside+Budget+Lodge&postcode=CV1+4AB&date=2026-11-30&time=23%3A30&age=13-15"

function init(args)
  local dir = os.getenv("CODES_DIR") or "/tmp"
  out = io.open(dir .. "/codes-" .. id .. ".txt", "w")
end

function request()
  if want_post and cookie then
    want_post = false
    return wrk.format("POST", "/report", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = cookie,
    }, body .. "&csrf=" .. token)
  end
  want_post = true
  return wrk.format("GET", "/report")
end

function response(status, headers, resp)
  -- Plain finds first (no pattern scan over the whole 7 kB form page), then a short match.
  local at = resp:find('<p class="receipt"', 1, true)
  if at then
    local code = resp:match('^<p class="receipt"[^>]*>([0-9A-Z%-]+)<', at)
    if code then
      acked = acked + 1
      out:write(code, "\n")
      return
    end
  end
  local t
  local field = resp:find('name="csrf" value="', 1, true)
  if field then t = resp:match('^name="csrf" value="([0-9A-Z]+)"', field) end
  local c = headers["Set-Cookie"] or headers["set-cookie"]
  if t and c and status == 200 then
    forms = forms + 1
    token = t
    cookie = c:match("^([^;]+)")
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local a, r, f = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acked")
    r = r + t:get("refused")
    f = f + t:get("forms")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("submissions acknowledged: %d (%.0f/s), forms served: %d, other responses: %d\n", a, a / seconds, f, r))
  io.write(string.format("latency all requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
