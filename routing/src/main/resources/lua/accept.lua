-- ARGV[4] item id, ARGV[5] agent id.
local it, a, err = offered(ARGV[4], ARGV[5])
if err then
  return err
end
it.st = 'A'
it.oid = ''
redis.call('HSET', P .. 'i:' .. it.id, 'st', 'A', 'oid', '')
redis.call('ZREM', P .. 'offers', it.id)
add_size(queue(it.q), -1)
DEFERRED = {}
a.acc = a.acc + 1
a.missed = 0
save(a, 'acc', 'missed')
refresh_shown(a)
flush_saves()
return {live(it), snapshot(a)}
