-- ARGV[4] item id, ARGV[5] agent id, ARGV[6] the most completions the stream P..'completions' keeps (about).
local it, a, err = held(ARGV[4], ARGV[5], 'A', 'is not being handled (it is %s)')
if err then
  return err
end
it.st = 'R'
redis.call('HSET', P .. 'i:' .. it.id, 'st', 'R')
a.acc = a.acc - 1
a.wrap = a.wrap + 1
save(a, 'acc', 'wrap')
refresh_shown(a)
redis.call('XADD', P .. 'completions', 'MAXLEN', '~', ARGV[6], '*', 'item', it.id, 'agent', a.id, 'node', NODE)
return {live(it), snapshot(a)}
