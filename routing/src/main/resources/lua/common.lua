-- Shared by every live-state script of Ventanilla's routing (prepended to each one before SCRIPT LOAD).
-- ARGV[1] key prefix, ARGV[2] this node's id, ARGV[3] now in epoch milliseconds; the script's own arguments follow.
-- Keys are built from the prefix (one Redis, not a Redis Cluster): see RedisLiveState for the layout.
local P = ARGV[1]
local NODE = ARGV[2]
local NOW = tonumber(ARGV[3])
local CHANNELS = {0, 1, 2, 3}
local STATUS = {W = 'WAITING', O = 'OFFERED', A = 'ACCEPTED', R = 'WRAP_UP'}

local function fail(code, message)
  return redis.error_reply(code .. ' ' .. message)
end

-- ---- agents ----

local AGENTS = {}

local function agent(id)
  local a = AGENTS[id]
  if a == nil then
    local raw = redis.call('HGETALL', P .. 'a:' .. id)
    if #raw == 0 then
      return nil
    end
    a = {id = id, levels = {}}
    for i = 1, #raw, 2 do
      a[raw[i]] = raw[i + 1]
    end
    for _, f in ipairs({'l0', 'l1', 'l2', 'l3', 'c0', 'c1', 'c2', 'c3', 'total', 'acc', 'wrap', 'missed', 'fmask', 'since', 'idle'}) do
      a[f] = tonumber(a[f]) or 0
    end
    AGENTS[id] = a
  end
  return a
end

-- While a table, save() gathers the agents' changed fields here and flush_saves() writes each agent once: a script
-- that changes an agent in several steps sets it to {} first and calls flush_saves() before it returns.
local DEFERRED = nil

local function save(a, ...)
  if DEFERRED ~= nil then
    local pending = DEFERRED[a.id]
    if pending == nil then
      pending = {agent = a, fields = {}}
      DEFERRED[a.id] = pending
    end
    for _, f in ipairs({...}) do
      pending.fields[f] = true
    end
    return
  end
  local args = {}
  for _, f in ipairs({...}) do
    args[#args + 1] = f
    args[#args + 1] = tostring(a[f])
  end
  redis.call('HSET', P .. 'a:' .. a.id, unpack(args))
end

local function flush_saves()
  local pending_agents = DEFERRED or {}
  DEFERRED = nil
  for _, pending in pairs(pending_agents) do
    local args = {}
    for f in pairs(pending.fields) do
      args[#args + 1] = f
      args[#args + 1] = tostring(pending.agent[f])
    end
    redis.call('HSET', P .. 'a:' .. pending.agent.id, unpack(args))
  end
end

local function level(a, skill)
  local cached = a.levels[skill]
  if cached == nil then
    local pattern = ',' .. skill:gsub('%p', '%%%0') .. ':(%d+),'
    cached = tonumber(string.match(a.sk or '', pattern)) or 0
    a.levels[skill] = cached
  end
  return cached
end

local function can_take(a, ch)
  if a.decl ~= 'AVAILABLE' or a['l' .. ch] >= a['c' .. ch] then
    return false
  end
  if ch == 0 then
    return a.total == 0
  end
  return a.l0 == 0
end

-- The queues the agent is a member of (read once per script).
local function queues_of(a)
  if a.queues == nil then
    a.queues = redis.call('SMEMBERS', P .. 'aq:' .. a.id)
  end
  return a.queues
end

-- The set of the agents of one node, members of one queue, with a free slot on one channel.
local function free_key(q, ch, node)
  return P .. 'f:' .. q .. ':' .. ch .. ':' .. (node or '')
end

-- Keeps the per-queue, per-node sets of agents with a free slot on each channel in step with what the agent can take.
local function refresh_free(a)
  local mask = 0
  for _, ch in ipairs(CHANNELS) do
    if can_take(a, ch) then
      mask = mask + 2 ^ ch
    end
  end
  if mask == a.fmask then
    return
  end
  local queues = queues_of(a)
  for _, ch in ipairs(CHANNELS) do
    local now_free = math.floor(mask / 2 ^ ch) % 2 == 1
    local was_free = math.floor(a.fmask / 2 ^ ch) % 2 == 1
    if now_free ~= was_free then
      for _, q in ipairs(queues) do
        if now_free then
          redis.call('SADD', free_key(q, ch, a.node), a.id)
        else
          redis.call('SREM', free_key(q, ch, a.node), a.id)
        end
      end
    end
  end
  a.fmask = mask
  save(a, 'fmask')
end

-- Binds the agent to a node (the one that holds its connection and makes its offers), moving its free slots along.
local function bind(a, node)
  if a.node == node then
    return
  end
  if a.fmask ~= 0 then
    local queues = queues_of(a)
    for _, ch in ipairs(CHANNELS) do
      if math.floor(a.fmask / 2 ^ ch) % 2 == 1 then
        for _, q in ipairs(queues) do
          redis.call('SMOVE', free_key(q, ch, a.node), free_key(q, ch, node), a.id)
        end
      end
    end
  end
  a.node = node
  save(a, 'node')
end

local function refresh_shown(a)
  local shown
  if a.decl == 'OFFLINE' then
    shown = 'OFFLINE'
  elseif a.acc > 0 then
    shown = 'BUSY'
  elseif a.wrap > 0 then
    shown = 'WRAP_UP'
  else
    shown = a.decl
  end
  local reason = ''
  if shown == 'AWAY' then
    reason = a.reason or ''
  end
  if shown ~= a.shown or reason ~= (a.sreason or '') then
    a.shown = shown
    a.sreason = reason
    a.since = NOW
    save(a, 'shown', 'sreason', 'since')
  end
end

local function snapshot(a)
  if a == nil then
    return {}
  end
  return {a.id, a.shown, a.sreason or '', a.since, a.decl, a.l0, a.l1, a.l2, a.l3, a.missed, a.idle}
end

local function release(a, ch)
  a['l' .. ch] = a['l' .. ch] - 1
  a.total = a.total - 1
end

-- ---- queues ----

local QUEUES = {}

local function parse_requirements(text)
  local list = {}
  for skill, lvl in string.gmatch(text or '', '([^,]+):(%d+)') do
    list[#list + 1] = {skill, tonumber(lvl)}
  end
  return list
end

local function queue(id)
  local q = QUEUES[id]
  if q == nil then
    local raw = redis.call('HMGET', P .. 'q:' .. id, 'skills', 'relax', 'size')
    if raw[1] == false then
      return nil
    end
    q = {id = id, skills = parse_requirements(raw[1]), relax = {}, size = tonumber(raw[3]) or 0}
    for after, skill, lvl in string.gmatch(raw[2] or '', '(%d+):([^;]+):(%d+)') do
      q.relax[#q.relax + 1] = {tonumber(after), skill, tonumber(lvl)}
    end
    QUEUES[id] = q
  end
  return q
end

local function add_size(q, delta)
  q.size = q.size + delta
  redis.call('HSET', P .. 'q:' .. q.id, 'size', q.size)
end

local function relaxed(q, skill, lvl, waited)
  for _, step in ipairs(q.relax) do
    if waited < step[1] then
      break
    end
    if step[2] == skill and step[3] < lvl then
      lvl = step[3]
    end
  end
  return lvl
end

-- ---- items ----

local function item(id)
  local raw = redis.call('HGETALL', P .. 'i:' .. id)
  if #raw == 0 then
    return nil
  end
  local it = {id = id}
  for i = 1, #raw, 2 do
    it[raw[i]] = raw[i + 1]
  end
  it.ch = tonumber(it.ch)
  it.arr = tonumber(it.arr)
  it.seq = tonumber(it.seq)
  it.offers = tonumber(it.offers) or 0
  it.reqs = parse_requirements(it.sk)
  return it
end

local function live(it)
  return {it.id, STATUS[it.st], it.ag or '', it.oid or '', it.data, it.ta or ''}
end

local function member(it)
  return string.format('%015d', it.seq) .. '|' .. it.id
end

local function member_id(m)
  return string.sub(m, 17)
end

local function waiting_key(it)
  if it.ta ~= '' then
    return P .. 'pw:' .. it.ta .. ':' .. it.ch
  end
  return P .. 'w:' .. it.q .. ':' .. it.ch .. ':' .. it.lang
end

-- Within one queue and channel, arrival - priority * target orders items as their urgency does at any time.
local function insert_waiting(it)
  local m = member(it)
  redis.call('ZADD', waiting_key(it), it.arr - tonumber(it.prio) * tonumber(it.tgt), m)
  redis.call('ZADD', P .. 'arr:' .. it.q, it.arr, m)
end

local function unlink_waiting(it)
  local m = member(it)
  redis.call('ZREM', waiting_key(it), m)
  redis.call('ZREM', P .. 'arr:' .. it.q, m)
end

local function urgency(it)
  local waited = math.max(0, NOW - it.arr)
  return tonumber(it.prio) + waited / tonumber(it.tgt)
end

local function excludes(it, agent_id)
  return it.ex ~= nil and string.find(it.ex, ',' .. agent_id .. ',', 1, true) ~= nil
end

local function score_of(a, reqs, q, waited)
  local total = 0
  for _, r in ipairs(reqs) do
    local needed = relaxed(q, r[1], r[2], waited)
    if needed > 0 then
      local lvl = level(a, r[1])
      if lvl < needed then
        return -1
      end
      total = total + lvl
    end
  end
  return total
end

-- The agent's skill score for the item (queue's and item's requirements after relaxation), or -1 when not eligible.
local function score(a, it, q)
  if it.lang ~= '' and string.find(a.langs or '', ',' .. it.lang .. ',', 1, true) == nil then
    return -1
  end
  local waited = NOW - it.arr
  local from_queue = score_of(a, q.skills, q, waited)
  if from_queue < 0 then
    return -1
  end
  local from_item = score_of(a, it.reqs, q, waited)
  if from_item < 0 then
    return -1
  end
  return from_queue + from_item
end

-- Whether a present agent the item does not exclude could take it (free or not).
local function other_eligible_exists(it, q)
  for _, id in ipairs(redis.call('SMEMBERS', P .. 'qa:' .. q.id)) do
    local a = agent(id)
    if a ~= nil and a.decl == 'AVAILABLE' and a['c' .. it.ch] > 0 and not excludes(it, id) and score(a, it, q) >= 0 then
      return true
    end
  end
  return false
end
