-- wrk script of bench/uncached: asks for the paths of a file (args[1]) in turn, each thread
-- starting at its own place in the list (args[2] threads), so that together they cover it.
--   wrk -t2 -c16 -d30s -s bench/lib/uncached.lua http://127.0.0.1:PORT -- PATHS 2
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  local threads = tonumber(args[2] or "1")
  counter = 1 + math.floor((id or 0) * #paths / threads)
end

function request()
  local path = paths[counter]
  counter = counter % #paths + 1
  return wrk.format("GET", path)
end
