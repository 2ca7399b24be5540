-- ARGV[4] item id.
local it = item(ARGV[4])
if it == nil then
  return {}
end
return live(it)
