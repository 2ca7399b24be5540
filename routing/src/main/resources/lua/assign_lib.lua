-- The choice and the reservation shared by assign, enqueue_assign and complete_release (prepended after common.lua).
-- The agent's slot is taken at once, so an item is never given to two agents and no agent goes beyond its capacity; a
-- breach (a bug) counts in P..'violations'.
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

-- What choosing an agent for an item reads (languages, skills, idle time, node), lighter than agent(): the chosen one
-- is then read whole. An agent already read whole is used as it is.
local function candidate(id)
  local a = AGENTS[id]
  if a ~= nil then
    return a
  end
  local raw = redis.call('HMGET', P .. 'a:' .. id, 'node', 'langs', 'sk', 'idle')
  if raw[1] == false then
    return nil
  end
  return {id = id, node = raw[1], langs = raw[2] or '', sk = raw[3] or '', idle = tonumber(raw[4]) or 0, levels = {}}
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
  -- Only this node's agents: an item is offered by the node of the agent it goes to.
  local free = redis.call('SMEMBERS', free_key(it.q, ch, NODE))
  for _, id in ipairs(free) do
    local a = candidate(id)
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
  if best == nil and skipped and not other_eligible_exists(it, q) then
    -- Only agents who already had this item can take it, and no one else could: it goes back to one of them.
    for _, id in ipairs(free) do
      local a = candidate(id)
      if a ~= nil and a.node == NODE then
        local s = score(a, it, q)
        if s >= 0 and better(a, s, best, best_score) then
          best, best_score = a, s
        end
      end
    end
  end
  if best == nil then
    return nil
  end
  return agent(best.id)
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
  -- Queues with nothing waiting (most of them, most of the time) are skipped after one ZCARD each.
  local waiting_in = {}
  for _, qid in ipairs(queues_of(a)) do
    waiting_in[qid] = redis.call('ZCARD', P .. 'arr:' .. qid) > 0
  end
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
      for _, qid in ipairs(queues_of(a)) do
        local q = waiting_in[qid] and queue(qid) or nil
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

-- Offers the item to the agent; {item, agent id, offer id, offered at ms}. fresh: the item was just built by add_item
-- and never waited (not in its waiting lists, its hash not written yet: the caller stores it afterwards).
local function reserve(it, a, fresh)
  if not fresh then
    unlink_waiting(it)
  end
  local ch = it.ch
  it.st = 'O'
  it.ag = a.id
  it.offers = it.offers + 1
  it.oid = it.id .. '#' .. it.offers
  it.node = NODE
  it.oat = NOW
  if not fresh then
    redis.call('HSET', P .. 'i:' .. it.id, 'st', 'O', 'ag', a.id, 'offers', it.offers, 'oid', it.oid, 'node', NODE, 'oat', NOW)
  end
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

