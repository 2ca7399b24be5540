-- ARGV[4] the key prefix of node leases, ARGV[5..] agent ids. Binds to this node the agents whose node lease lapsed (their
-- consoles reconnect here); returns the ids adopted.
local adopted = {}
for i = 5, #ARGV do
  local a = agent(ARGV[i])
  if a ~= nil and a.node ~= nil and a.node ~= '' and a.node ~= NODE and redis.call('EXISTS', ARGV[4] .. a.node) == 0 then
    bind(a, NODE)
    adopted[#adopted + 1] = a.id
  end
end
return adopted
