-- ARGV[4] the key prefix of node leases (a node is alive while P-lease-prefix..node exists), ARGV[5] offers made at or
-- before this time (ms) are stale whoever made them. Returns the offers given back: {item id, agent id, ...}.
local alive = {}
local function is_alive(node)
  if node == nil or node == '' then
    return false
  end
  if alive[node] == nil then
    alive[node] = redis.call('EXISTS', ARGV[4] .. node) == 1
  end
  return alive[node]
end
local stale_before = tonumber(ARGV[5])
local returned = {}
for _, id in ipairs(redis.call('ZRANGE', P .. 'offers', 0, -1)) do
  local it = item(id)
  if it == nil or it.st ~= 'O' then
    redis.call('ZREM', P .. 'offers', id)
  elseif tonumber(it.oat) <= stale_before or not is_alive(it.node) then
    local a = agent(it.ag)
    local agent_id = it.ag
    give_back(it, a, false)
    returned[#returned + 1] = id
    returned[#returned + 1] = agent_id
  end
end
return returned
