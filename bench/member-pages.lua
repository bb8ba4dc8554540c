-- wrk script: each request asks for a different member's page, chosen at random from the ids in the
-- file named after `--` (one per line), so the server reads cold records too, not one cached page.
local ids = {}

function init(args)
  for line in io.lines(args[1]) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + #ids)
end

function request()
  return wrk.format("GET", "/dang-vien/" .. ids[math.random(#ids)])
end
