-- ARGV[4] item id. Removes the item in whatever status, freeing any slot it held; {} when not held.
local it = item(ARGV[4])
if it == nil then
  return {}
end
local before = live(it)
local a = nil
if it.ag ~= '' then
  a = agent(it.ag)
end
if it.st == 'W' then
  unlink_waiting(it)
  add_size(queue(it.q), -1)
elseif it.st == 'O' then
  add_size(queue(it.q), -1)
  redis.call('ZREM', P .. 'offers', it.id)
  release(a, it.ch)
elseif it.st == 'A' then
  a.acc = a.acc - 1
  release(a, it.ch)
else
  a.wrap = a.wrap - 1
  release(a, it.ch)
end
redis.call('DEL', P .. 'i:' .. it.id)
redis.call('ZREM', P .. 'items', it.id)
redis.call('ZREM', P .. 'wraps', it.id)
if a == nil then
  return {before, {}}
end
a.idle = NOW
save(a, 'acc', 'wrap', 'l' .. it.ch, 'total', 'idle')
refresh_free(a)
refresh_shown(a)
return {before, snapshot(a)}
