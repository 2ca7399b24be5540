-- Checks shared by accept, return_offer, complete and end_wrap_up: ARGV[4] item id, ARGV[5] agent id.
-- Returns the item and the agent, or nil and an error reply.
local function offered(item_id, agent_id)
  local a = agent(agent_id)
  if a == nil then
    return nil, nil, fail('NOT_FOUND', "unknown agent '" .. agent_id .. "'")
  end
  local it = item(item_id)
  if it == nil then
    return nil, nil, fail('NOT_FOUND', "unknown work item '" .. item_id .. "' (never enqueued, or already finished)")
  end
  if it.st ~= 'O' then
    return nil, nil, fail('CONFLICT', "work item '" .. item_id .. "' has no pending offer (it is " .. STATUS[it.st]
      .. '); the offer expired or was already answered')
  end
  if it.ag ~= agent_id then
    return nil, nil, fail('CONFLICT', "work item '" .. item_id .. "' is offered to another agent, not to '" .. agent_id .. "'")
  end
  return it, a, nil
end

local function held(item_id, agent_id, expected, wrong)
  local a = agent(agent_id)
  if a == nil then
    return nil, nil, fail('NOT_FOUND', "unknown agent '" .. agent_id .. "'")
  end
  local it = item(item_id)
  if it == nil then
    return nil, nil, fail('NOT_FOUND', "unknown work item '" .. item_id .. "' (never enqueued, or already finished)")
  end
  if it.st ~= expected then
    return nil, nil, fail('CONFLICT', "work item '" .. item_id .. "' " .. string.format(wrong, STATUS[it.st]))
  end
  if it.ag ~= agent_id then
    return nil, nil, fail('CONFLICT', "work item '" .. item_id .. "' is held by another agent, not by '" .. agent_id .. "'")
  end
  return it, a, nil
end

-- The offer goes back: the item returns to its place; the agent is skipped for it while another eligible one exists.
local function give_back(it, a, missed)
  release(a, it.ch)
  if missed then
    a.missed = a.missed + 1
  end
  redis.call('ZREM', P .. 'offers', it.id)
  it.st = 'W'
  it.ag = ''
  it.oid = ''
  if it.ta ~= '' then
    it.ta = ''
  else
    it.ex = it.ex .. a.id .. ','
  end
  redis.call('HSET', P .. 'i:' .. it.id, 'st', 'W', 'ag', '', 'oid', '', 'ta', it.ta, 'ex', it.ex, 'node', '')
  insert_waiting(it)
  save(a, 'l' .. it.ch, 'total', 'missed')
  refresh_free(a)
  refresh_shown(a)
end

-- The agent finished handling the item: wrap-up starts, the slot stays taken. keep: about how many entries the
-- completions stream keeps; ending: the wrap-up ends in the same script (the item's status is not written). Returns
-- {item, agent}.
local function complete_held(it, a, keep, ending)
  it.st = 'R'
  if not ending then
    -- This node holds the wrap-up's timer: if it dies, another node's sweep ends the wrap-up (sweep_wrap_ups).
    redis.call('HSET', P .. 'i:' .. it.id, 'st', 'R', 'node', NODE)
    redis.call('ZADD', P .. 'wraps', NOW, it.id)
  end
  a.acc = a.acc - 1
  a.wrap = a.wrap + 1
  save(a, 'acc', 'wrap')
  refresh_shown(a)
  redis.call('XADD', P .. 'completions', 'MAXLEN', '~', keep, '*', 'item', it.id, 'agent', a.id, 'node', NODE)
  return {live(it), snapshot(a)}
end

-- The wrap-up ends: the item leaves and the slot is free. Returns {item as it was, agent}.
local function end_held(it, a)
  local before = live(it)
  redis.call('DEL', P .. 'i:' .. it.id)
  redis.call('ZREM', P .. 'items', it.id)
  redis.call('ZREM', P .. 'wraps', it.id)
  a.wrap = a.wrap - 1
  release(a, it.ch)
  a.idle = NOW
  save(a, 'wrap', 'l' .. it.ch, 'total', 'idle')
  refresh_free(a)
  refresh_shown(a)
  return {before, snapshot(a)}
end
