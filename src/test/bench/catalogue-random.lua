-- wrk script: the catalogue API with a random filter per request (category, grade, a word,
-- a relay, a page), so that no cache of pages could serve them. CATALOGUE_PATH=/catalogue/index.xhtml
-- asks the HTML page the same way.
--   wrk -t2 -c16 -d20s --latency -s src/test/bench/catalogue-random.lua http://localhost:8081
local categories = {"", "LAPTOP", "DESKTOP", "TABLET", "SMARTPHONE", "SCREEN"}
local grades = {"", "A", "B", "C"}
local words = {"", "", "", "dell", "samsung", "ipad", "thinkpad"}
local path = os.getenv("CATALOGUE_PATH") or "/api/v1/catalogue"
-- Each wrk thread draws its own sequence (seeded with the time and the thread's number): with one
-- seed for all, the threads asked the same URLs in the same order and the second found it cached.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + (number or 0) * 7919)
end
request = function()
  local q = path .. "?page=" .. math.random(0, 20)
  local c = categories[math.random(#categories)]
  if c ~= "" then q = q .. "&category=" .. c end
  local g = grades[math.random(#grades)]
  if g ~= "" then q = q .. "&grade=" .. g end
  local w = words[math.random(#words)]
  if w ~= "" then q = q .. "&q=" .. w end
  if math.random(3) == 1 then q = q .. "&relay=" .. math.random(2, 21) end
  return wrk.format("GET", q)
end
