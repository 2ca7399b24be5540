-- ARGV[4] item id, ARGV[5] agent id, ARGV[6] '1' when the offer timed out (a missed offer).
local it, a, err = offered(ARGV[4], ARGV[5])
if err then
  return err
end
give_back(it, a, ARGV[6] == '1')
return {live(it), snapshot(a)}
