-- Every item held, oldest enqueue first.
local result = {}
for _, id in ipairs(redis.call('ZRANGE', P .. 'items', 0, -1)) do
  local it = item(id)
  if it ~= nil then
    result[#result + 1] = live(it)
  end
end
return result
