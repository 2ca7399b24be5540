-- Arguments: see enqueue_lib.lua. Returns {'ADDED' | 'DUPLICATE' | 'FULL', item, queue size}.
local reply, it = add_item()
if it ~= nil then
  store_item(it)
  insert_waiting(it)
end
return reply
