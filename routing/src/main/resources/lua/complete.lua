-- ARGV[4] item id, ARGV[5] agent id, ARGV[6] the most completions the stream P..'completions' keeps (about).
local it, a, err = held(ARGV[4], ARGV[5], 'A', 'is not being handled (it is %s)')
if err then
  return err
end
return complete_held(it, a, ARGV[6], false)
