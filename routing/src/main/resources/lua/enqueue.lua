-- ARGV[4] item id, ARGV[5] queue, ARGV[6] channel ordinal, ARGV[7] priority, ARGV[8] arrival ms, ARGV[9] target ms,
-- ARGV[10] language ('' for any), ARGV[11] skills "skill:level,...", ARGV[12] target agent ('' for none),
-- ARGV[13] the item as the Java side encodes it, ARGV[14] the queue's size limit.
local id = ARGV[4]
local q = queue(ARGV[5])
if q == nil then
  return fail('NOT_FOUND', "unknown queue '" .. ARGV[5] .. "'")
end
local existing = item(id)
if existing ~= nil then
  return {'DUPLICATE', live(existing), q.size}
end
if q.size >= tonumber(ARGV[14]) then
  return {'FULL', {}, q.size}
end
if ARGV[12] ~= '' and agent(ARGV[12]) == nil then
  return fail('NOT_FOUND', "unknown agent '" .. ARGV[12] .. "'")
end
local seq = redis.call('INCR', P .. 'seq')
redis.call('HSET', P .. 'i:' .. id, 'q', ARGV[5], 'ch', ARGV[6], 'prio', ARGV[7], 'arr', ARGV[8], 'tgt', ARGV[9],
  'lang', ARGV[10], 'sk', ARGV[11], 'ta', ARGV[12], 'data', ARGV[13], 'seq', seq, 'st', 'W', 'ag', '', 'oid', '',
  'offers', 0, 'ex', ',')
redis.call('ZADD', P .. 'items', seq, id)
add_size(q, 1)
local it = item(id)
insert_waiting(it)
return {'ADDED', live(it), q.size}
