-- ARGV[4] queue id, ARGV[5] skills "skill:level,...", ARGV[6] relaxation steps "afterMillis:skill:level;..." by time.
redis.call('HSET', P .. 'q:' .. ARGV[4], 'skills', ARGV[5], 'relax', ARGV[6])
redis.call('HSETNX', P .. 'q:' .. ARGV[4], 'size', 0)
return 1
