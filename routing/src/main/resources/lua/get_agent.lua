-- ARGV[4] agent id.
return snapshot(agent(ARGV[4]))
