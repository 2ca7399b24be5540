-- Adding an item, shared by enqueue and enqueue_assign (prepended after common.lua).
-- ARGV[4] item id, ARGV[5] queue, ARGV[6] channel ordinal, ARGV[7] priority, ARGV[8] arrival ms, ARGV[9] target ms,
-- ARGV[10] language ('' for any), ARGV[11] skills "skill:level,...", ARGV[12] target agent ('' for none),
-- ARGV[13] the item as the Java side encodes it, ARGV[14] the queue's size limit.
-- Returns the reply {'ADDED' | 'DUPLICATE' | 'FULL', item, queue size} (or an error reply) and, when added, the item
-- and its queue. The new item is neither stored nor in its waiting lists yet: the caller stores it (store_item) and
-- links it (insert_waiting) unless it offers it at once.
local function add_item()
  local id = ARGV[4]
  local q = queue(ARGV[5])
  if q == nil then
    return fail('NOT_FOUND', "unknown queue '" .. ARGV[5] .. "'")
  end
  if redis.call('EXISTS', P .. 'i:' .. id) == 1 then
    return {'DUPLICATE', live(item(id)), q.size}
  end
  if q.size >= tonumber(ARGV[14]) then
    return {'FULL', {}, q.size}
  end
  if ARGV[12] ~= '' and agent(ARGV[12]) == nil then
    return fail('NOT_FOUND', "unknown agent '" .. ARGV[12] .. "'")
  end
  local seq = redis.call('INCR', P .. 'seq')
  redis.call('ZADD', P .. 'items', seq, id)
  add_size(q, 1)
  -- The table item() would read back; store_item writes it.
  local it = {id = id, q = ARGV[5], ch = tonumber(ARGV[6]), prio = ARGV[7], arr = tonumber(ARGV[8]), tgt = ARGV[9],
    lang = ARGV[10], sk = ARGV[11], ta = ARGV[12], data = ARGV[13], seq = seq, st = 'W', ag = '', oid = '', offers = 0,
    ex = ',', node = '', oat = 0, reqs = parse_requirements(ARGV[11])}
  return {'ADDED', live(it), q.size}, it, q
end

-- Writes the whole hash of an item built by add_item (in one command).
local function store_item(it)
  redis.call('HSET', P .. 'i:' .. it.id, 'q', it.q, 'ch', it.ch, 'prio', it.prio, 'arr', it.arr, 'tgt', it.tgt,
    'lang', it.lang, 'sk', it.sk, 'ta', it.ta, 'data', it.data, 'seq', it.seq, 'st', it.st, 'ag', it.ag, 'oid', it.oid,
    'offers', it.offers, 'ex', it.ex, 'node', it.node, 'oat', it.oat)
end
