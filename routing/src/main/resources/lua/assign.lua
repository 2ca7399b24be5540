-- Chooses and reserves in one step. ARGV[4] trigger kind (ITEM, AGENT or QUEUE), ARGV[5] the item, agent or queue id.
-- Returns {} when nothing fits, else {item, agent id, offer id, offered at ms}.
local kind, id = ARGV[4], ARGV[5]
if kind == 'ITEM' then
  local it = item(id)
  if it == nil or it.st ~= 'W' then
    return {}
  end
  local a = best_agent_for(it)
  if a == nil then
    return {}
  end
  return reserve(it, a, false)
elseif kind == 'AGENT' then
  local a = agent(id)
  if a == nil then
    return fail('NOT_FOUND', "unknown agent '" .. id .. "'")
  end
  if a.node ~= NODE then
    -- Another node holds this agent's connection and makes its offers.
    return {}
  end
  local it = most_urgent_for(a)
  if it == nil then
    return {}
  end
  return reserve(it, a, false)
elseif kind == 'QUEUE' then
  if queue(id) == nil then
    return fail('NOT_FOUND', "unknown queue '" .. id .. "'")
  end
  for _, agent_id in ipairs(redis.call('SMEMBERS', P .. 'qa:' .. id)) do
    local a = agent(agent_id)
    if a ~= nil and a.node == NODE and a.fmask ~= 0 then
      local it = most_urgent_for(a)
      if it ~= nil then
        return reserve(it, a, false)
      end
    end
  end
  return {}
end
return fail('INVALID_INPUT', 'unknown assignment trigger ' .. kind)
