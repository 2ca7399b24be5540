-- ARGV[4] the key prefix of node leases. Ends the wrap-ups whose node (the one holding the wrap-up's timer) lost its
-- lease: the timer died with it, and the agent's slot would stay taken for good. Returns the items as they were.
local alive = {}
local ended = {}
for _, id in ipairs(redis.call('ZRANGE', P .. 'wraps', 0, -1)) do
  local it = item(id)
  if it == nil or it.st ~= 'R' then
    redis.call('ZREM', P .. 'wraps', id)
  else
    local node = it.node or ''
    if alive[node] == nil then
      alive[node] = node ~= '' and redis.call('EXISTS', ARGV[4] .. node) == 1
    end
    if not alive[node] then
      local a = agent(it.ag)
      ended[#ended + 1] = end_held(it, a)[1]
    end
  end
end
return ended
