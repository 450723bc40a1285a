-- wrk script: distinct, realistic Arabic and English comments, each from its own reader
-- (email, and client address through X-Forwarded-For from a trusted proxy), spread over 50
-- articles. Usage: wrk -s comments.lua URL -- json|form [MS]   (MS: pause of each connection
-- between its requests, to post at a set rate beside a read load)
local threads = {}
local counter = 0
local format = "json"
-- Globals, so that done() can read each thread's counts with thread:get.
ok, other = 0, 0

local arabic = {
  "شكرا", "على", "هذا", "المقال", "الرائع", "الذي", "يوضح", "الحقائق", "بشكل", "واضح", "وأتمنى", "أن",
  "تستمر", "الصحيفة", "في", "نشر", "مثل", "هذه", "التقارير", "المهمة", "عن", "الاقتصاد", "والتعليم",
  "والصحة", "لكنني", "أختلف", "مع", "الكاتب", "حول", "أسباب", "ارتفاع", "الأسعار", "في", "المدينة",
  "ويجب", "على", "الحكومة", "أن", "تتحرك", "بسرعة", "لحماية", "المواطنين", "والشباب",
}
local english = {
  "thanks", "for", "this", "great", "article", "which", "explains", "the", "facts", "clearly", "I",
  "hope", "the", "paper", "keeps", "publishing", "reports", "like", "this", "one", "about", "the",
  "economy", "schools", "and", "health", "but", "I", "disagree", "with", "the", "author", "on", "why",
  "prices", "went", "up", "in", "our", "city", "and", "the", "council", "should", "act", "quickly",
}
local names = { "أحمد", "فاطمة", "محمد علي", "سارة", "Omar", "Layla", "John Smith", "يوسف", "Mariam", "خالد" }
local domains = { "gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "mail.sa" }

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

-- Each wrk run (the warm-up, then each measurement) starts in another second: `run` keeps its
-- readers and texts apart from the previous run's, or they would be refused as duplicates/floods.
local run = 0

-- A second wrk beside this one (two nodes) passes a thread-id offset, so its readers differ too.
local tidOffset = 0

function init(args)
  format = args[1] or "json"
  tidOffset = tonumber(args[2]) or 0
  local pause = tonumber(args[3] or "")
  if pause then delay = function() return pause end end
  run = os.time() % 100000
end

local function sentence(words, n, seed)
  local out = {}
  for i = 1, n do out[i] = words[(seed * 31 + i * 17) % #words + 1] end
  return table.concat(out, " ")
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local id = (tid or 1) + tidOffset
  local n = (id * 100000 + run) * 10000000 + counter
  local words = (n % 2 == 0) and arabic or english
  local body = sentence(words, 12 + n % 25, n) .. " " .. sentence(words, 8, n + 3) .. " #" .. n
  local name = names[n % #names + 1]
  local email = "reader" .. n .. "@" .. domains[n % #domains + 1]
  local post = "article-" .. (n % 50)
  local ip = string.format("%d.%d.%d.%d", 11 + (run * 2 + id) % 200, math.floor(counter / 65536) % 256,
    math.floor(counter / 256) % 256, counter % 256)
  local headers = { ["X-Forwarded-For"] = ip, ["Accept-Language"] = (n % 2 == 0) and "ar" or "en" }
  if format == "form" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    local form = "comment_post_ID=" .. post .. "&author=" .. urlencode(name) .. "&email=" .. urlencode(email) ..
      "&url=&comment=" .. urlencode(body) .. "&comment_parent=0"
    return wrk.format("POST", "/wp-comments-post.php", headers, form)
  end
  headers["Content-Type"] = "application/json"
  local json = '{"post":"' .. post .. '","name":"' .. name .. '","email":"' .. email .. '","body":"' .. body .. '"}'
  return wrk.format("POST", "/comments", headers, json)
end

response = function(status, headers, body)
  if status == 201 or status == 303 then ok = ok + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local good, bad = 0, 0
  for _, t in ipairs(threads) do good = good + t:get("ok"); bad = bad + t:get("other") end
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f ok=%d other=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    good, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
