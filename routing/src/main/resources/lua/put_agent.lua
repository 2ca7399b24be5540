-- ARGV[4] agent id, ARGV[5] languages ",es,en,", ARGV[6] skills ",skill:level,...", ARGV[7..10] capacity per channel,
-- ARGV[11..] queue ids. A new agent starts OFFLINE at now; a known one keeps its live state.
local id = ARGV[4]
local key = P .. 'a:' .. id
local a = agent(id)
if a == nil then
  redis.call('HSET', key, 'decl', 'OFFLINE', 'reason', '', 'shown', 'OFFLINE', 'sreason', '', 'since', NOW, 'idle', NOW,
    'l0', 0, 'l1', 0, 'l2', 0, 'l3', 0, 'total', 0, 'acc', 0, 'wrap', 0, 'missed', 0, 'fmask', 0, 'node', '')
else
  for _, q in ipairs(redis.call('SMEMBERS', P .. 'aq:' .. id)) do
    redis.call('SREM', P .. 'qa:' .. q, id)
    for _, ch in ipairs(CHANNELS) do
      redis.call('SREM', free_key(q, ch, a.node), id)
    end
  end
  redis.call('DEL', P .. 'aq:' .. id)
end
redis.call('HSET', key, 'langs', ARGV[5], 'sk', ARGV[6], 'c0', ARGV[7], 'c1', ARGV[8], 'c2', ARGV[9], 'c3', ARGV[10], 'fmask', 0)
for i = 11, #ARGV do
  redis.call('SADD', P .. 'aq:' .. id, ARGV[i])
  redis.call('SADD', P .. 'qa:' .. ARGV[i], id)
end
AGENTS[id] = nil
refresh_free(agent(id))
return 1
