-- Chooses and reserves in one step. ARGV[4] trigger kind (ITEM, AGENT or QUEUE), ARGV[5] the item, agent or queue id.
-- Returns {} when nothing fits, else {item, agent id, offer id, offered at ms}. The agent's slot is taken at once, so an
-- item is never given to two agents and no agent goes beyond its capacity; a breach (a bug) counts in P..'violations'.
local SCAN_BATCH = 64

local function better(a, s, best, best_score)
  if best == nil or s ~= best_score then
    return best == nil or s > best_score
  end
  if a.idle ~= best.idle then
    return a.idle < best.idle
  end
  return a.id < best.id
end

-- The best agent of this node with a free slot for a waiting item, or nil.
local function best_agent_for(it)
  local ch = it.ch
  if it.ta ~= '' then
    local target = agent(it.ta)
    if target ~= nil and target.node == NODE and can_take(target, ch) then
      return target
    end
    return nil
  end
  local q = queue(it.q)
  if q == nil then
    return nil
  end
  local best, best_score, skipped = nil, -1, false
  local free = redis.call('SMEMBERS', P .. 'f:' .. it.q .. ':' .. ch)
  for _, id in ipairs(free) do
    -- Most free agents belong to other nodes: read one field before the whole agent.
    local a = nil
    if AGENTS[id] ~= nil or redis.call('HGET', P .. 'a:' .. id, 'node') == NODE then
      a = agent(id)
    end
    if a ~= nil and a.node == NODE then
      local s = score(a, it, q)
      if s >= 0 then
        if excludes(it, id) then
          skipped = true
        elseif better(a, s, best, best_score) then
          best, best_score = a, s
        end
      end
    end
  end
  if best ~= nil or not skipped or other_eligible_exists(it, q) then
    return best
  end
  for _, id in ipairs(free) do
    local a = agent(id)
    if a ~= nil and a.node == NODE then
      local s = score(a, it, q)
      if s >= 0 and better(a, s, best, best_score) then
        best, best_score = a, s
      end
    end
  end
  return best
end

-- The first item of one waiting list (most urgent first) the agent may take, or nil. Items with the same skills
-- that were not eligible are skipped without reading their requirements again.
local function first_eligible(key, a, q)
  local refused = {}
  local start = 0
  while true do
    local batch = redis.call('ZRANGE', key, start, start + SCAN_BATCH - 1)
    if #batch == 0 then
      return nil
    end
    for _, m in ipairs(batch) do
      local id = member_id(m)
      local sk = redis.call('HGET', P .. 'i:' .. id, 'sk')
      if not refused[sk] then
        local it = item(id)
        if score(a, it, q) < 0 then
          -- Relaxation only grows with waiting time, and later items waited less: none with these skills fits.
          refused[sk] = true
        elseif not excludes(it, a.id) or not other_eligible_exists(it, q) then
          return it
        end
      end
    end
    start = start + SCAN_BATCH
  end
end

local function more_urgent(it, u, best, best_u)
  return best == nil or u > best_u or (u == best_u and (it.arr < best.arr or (it.arr == best.arr and it.seq < best.seq)))
end

-- The most urgent waiting item the agent may take now, or nil.
local function most_urgent_for(a)
  if a.fmask == 0 then
    return nil
  end
  local best, best_u = nil, -1
  local queues = nil
  for _, ch in ipairs(CHANNELS) do
    if can_take(a, ch) then
      local head = redis.call('ZRANGE', P .. 'pw:' .. a.id .. ':' .. ch, 0, 0)
      if #head > 0 then
        local it = item(member_id(head[1]))
        local u = urgency(it)
        if more_urgent(it, u, best, best_u) then
          best, best_u = it, u
        end
      end
      queues = queues or redis.call('SMEMBERS', P .. 'aq:' .. a.id)
      for _, qid in ipairs(queues) do
        local q = queue(qid)
        if q ~= nil then
          local lists = {P .. 'w:' .. qid .. ':' .. ch .. ':'}
          for lang in string.gmatch(a.langs or '', '[^,]+') do
            lists[#lists + 1] = P .. 'w:' .. qid .. ':' .. ch .. ':' .. lang
          end
          for _, key in ipairs(lists) do
            local it = first_eligible(key, a, q)
            if it ~= nil then
              local u = urgency(it)
              if more_urgent(it, u, best, best_u) then
                best, best_u = it, u
              end
            end
          end
        end
      end
    end
  end
  return best
end

local function reserve(it, a)
  unlink_waiting(it)
  local ch = it.ch
  it.st = 'O'
  it.ag = a.id
  it.offers = it.offers + 1
  it.oid = it.id .. '#' .. it.offers
  redis.call('HSET', P .. 'i:' .. it.id, 'st', 'O', 'ag', a.id, 'offers', it.offers, 'oid', it.oid, 'node', NODE, 'oat', NOW)
  redis.call('ZADD', P .. 'offers', NOW, it.id)
  a['l' .. ch] = a['l' .. ch] + 1
  a.total = a.total + 1
  a.idle = NOW
  if a['l' .. ch] > a['c' .. ch] or (a.l0 > 0 and a.total > 1) then
    redis.call('INCR', P .. 'violations')
  end
  save(a, 'l' .. ch, 'total', 'idle')
  refresh_free(a)
  return {live(it), a.id, it.oid, NOW}
end

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
  return reserve(it, a)
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
  return reserve(it, a)
elseif kind == 'QUEUE' then
  if queue(id) == nil then
    return fail('NOT_FOUND', "unknown queue '" .. id .. "'")
  end
  for _, agent_id in ipairs(redis.call('SMEMBERS', P .. 'qa:' .. id)) do
    local a = agent(agent_id)
    if a ~= nil and a.node == NODE and a.fmask ~= 0 then
      local it = most_urgent_for(a)
      if it ~= nil then
        return reserve(it, a)
      end
    end
  end
  return {}
end
return fail('INVALID_INPUT', 'unknown assignment trigger ' .. kind)
