-- Enqueue, then the assignment an ITEM trigger makes, in one step. Arguments: see enqueue_lib.lua.
-- Returns the enqueue reply {'ADDED' | 'DUPLICATE' | 'FULL', item, queue size}, with a fourth element when the new
-- item was offered at once: {item, agent id, offer id, offered at ms}, as assign returns (the item is then OFFERED).
local reply, it = add_item()
if it == nil then
  return reply
end
local a = best_agent_for(it)
if a == nil then
  store_item(it)
  insert_waiting(it)
  return reply
end
DEFERRED = {}
local offer = reserve(it, a, true)
flush_saves()
store_item(it)
reply[2] = offer[1]
reply[4] = offer
return reply
