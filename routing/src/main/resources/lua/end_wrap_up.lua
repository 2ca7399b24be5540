-- ARGV[4] item id, ARGV[5] agent id.
local it, a, err = held(ARGV[4], ARGV[5], 'R', 'is not in wrap-up (it is %s)')
if err then
  return err
end
local before = live(it)
redis.call('DEL', P .. 'i:' .. it.id)
redis.call('ZREM', P .. 'items', it.id)
a.wrap = a.wrap - 1
release(a, it.ch)
a.idle = NOW
save(a, 'wrap', 'l' .. it.ch, 'total', 'idle')
refresh_free(a)
refresh_shown(a)
return {before, snapshot(a)}
