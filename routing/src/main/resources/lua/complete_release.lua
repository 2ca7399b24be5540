-- complete and, for a channel without wrap-up, end the wrap-up at once and make the assignment an AGENT trigger makes
-- for the freed agent, in one step. ARGV[4] item id, ARGV[5] agent id, ARGV[6] as in complete.lua, ARGV[7] the
-- channels without wrap-up as ",ordinal,...,".
-- Returns {complete's reply, end_wrap_up's reply or {}, assign's reply ({} when nothing fits or the agent is another
-- node's)}.
local it, a, err = held(ARGV[4], ARGV[5], 'A', 'is not being handled (it is %s)')
if err then
  return err
end
if string.find(ARGV[7], ',' .. it.ch .. ',', 1, true) == nil then
  return {complete_held(it, a, ARGV[6], false), {}, {}}
end
DEFERRED = {}
local completed = complete_held(it, a, ARGV[6], true)
local ended = end_held(it, a)
local next_offer = {}
if a.node == NODE then
  local n = most_urgent_for(a)
  if n ~= nil then
    next_offer = reserve(n, a, false)
  end
end
flush_saves()
return {completed, ended, next_offer}
