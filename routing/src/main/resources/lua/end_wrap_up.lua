-- ARGV[4] item id, ARGV[5] agent id.
local it, a, err = held(ARGV[4], ARGV[5], 'R', 'is not in wrap-up (it is %s)')
if err then
  return err
end
return end_held(it, a)
