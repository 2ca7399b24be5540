-- ARGV[4] agent id, ARGV[5] declared state, ARGV[6] reason. The agent is bound to this node (its offers come from here).
local a = agent(ARGV[4])
if a == nil then
  return fail('NOT_FOUND', "unknown agent '" .. ARGV[4] .. "'")
end
local state = ARGV[5]
if state ~= 'AVAILABLE' and state ~= 'AWAY' and state ~= 'OFFLINE' then
  return fail('INVALID_INPUT', 'agent state ' .. state .. ' cannot be set directly; an agent declares AVAILABLE, AWAY or OFFLINE')
end
if state == 'OFFLINE' and a.acc > 0 then
  return fail('CONFLICT', "agent '" .. a.id .. "' still handles " .. a.acc
    .. ' work item(s); complete or transfer them before signing out')
end
if state == 'AVAILABLE' then
  a.missed = 0
  if a.decl ~= 'AVAILABLE' then
    a.idle = NOW
  end
end
a.decl = state
if state == 'AWAY' then
  a.reason = ARGV[6]
else
  a.reason = ''
end
bind(a, NODE)
save(a, 'missed', 'idle', 'decl', 'reason')
refresh_free(a)
refresh_shown(a)
return snapshot(a)
