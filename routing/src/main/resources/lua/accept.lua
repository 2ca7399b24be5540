-- ARGV[4] item id, ARGV[5] agent id.
local it, a, err = offered(ARGV[4], ARGV[5])
if err then
  return err
end
it.st = 'A'
it.oid = ''
redis.call('HSET', P .. 'i:' .. it.id, 'st', 'A', 'oid', '')
redis.call('ZREM', P .. 'offers', it.id)
-- The queue counts waiting and offered items; an accepted one leaves it.
redis.call('HINCRBY', P .. 'q:' .. it.q, 'size', -1)
DEFERRED = {}
a.acc = a.acc + 1
a.missed = 0
save(a, 'acc', 'missed')
refresh_shown(a)
flush_saves()
return {live(it), snapshot(a)}
