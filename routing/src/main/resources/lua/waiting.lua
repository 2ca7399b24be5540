-- ARGV[4] queue id, ARGV[5] arrived after (exclusive, '-inf' for none), ARGV[6] arrived up to (inclusive).
if queue(ARGV[4]) == nil then
  return fail('NOT_FOUND', "unknown queue '" .. ARGV[4] .. "'")
end
local low = ARGV[5]
if low ~= '-inf' then
  low = '(' .. low
end
local result = {}
for _, m in ipairs(redis.call('ZRANGEBYSCORE', P .. 'arr:' .. ARGV[4], low, ARGV[6])) do
  result[#result + 1] = live(item(member_id(m)))
end
return result
