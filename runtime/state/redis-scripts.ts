// The Lua scripts of the Redis state store. Each runs atomically in Redis, so a check and its count
// are one step for every gateway sharing the server. They keep the memory stores' rules
// (runtime/state/limits.ts): the same sliding windows, retry intervals and quota periods.
//
// Rate limits: per counter a sorted set of calls (member "<count>:<id>", score = time in ms) and a
// string with the sum of the counts in the window; both expire one window after the last call.
// Quotas: a hash { i: period index, c: calls, b: bytes }, expiring after its period.
// Concurrency: a sorted set of slots (member = token, score = lease end), expiring with the lease.
import { createHash } from "node:crypto";

export interface LuaScript {
  source: string;
  sha: string;
}

function script(source: string): LuaScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/** Drops the calls that left the window of `log`; returns the calls still in it. */
const PRUNE = `
local function prune(log, total, edge)
  local t = tonumber(redis.call('GET', total) or '0')
  local old = redis.call('ZRANGEBYSCORE', log, '-inf', edge)
  if #old > 0 then
    for _, m in ipairs(old) do t = t - tonumber(string.match(m, '^(%d+)')) end
    redis.call('ZREMRANGEBYSCORE', log, '-inf', edge)
    if t <= 0 or redis.call('ZCARD', log) == 0 then
      t = 0
      redis.call('DEL', total)
    else
      redis.call('SET', total, t, 'KEEPTTL')
    end
  end
  return t
end
local function record(log, total, count, now, id, window)
  redis.call('ZADD', log, now, count .. ':' .. id)
  redis.call('INCRBY', total, count)
  redis.call('PEXPIRE', log, window)
  redis.call('PEXPIRE', total, window)
end
`;

/**
 * take: KEYS = log1, total1, log2, total2, …; ARGV = count, now, id, limit1, window1, limit2, window2, …
 * Returns { allowed (1/0), refused counter (1-based, 0 when allowed), retry-after ms, used1, used2, … }.
 */
export const RATE_TAKE = script(`${PRUNE}
local count = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local id = ARGV[3]
local n = #KEYS / 2
local out = {1, 0, 0}
for i = 1, n do
  local log, total = KEYS[2 * i - 1], KEYS[2 * i]
  local limit, window = tonumber(ARGV[2 + 2 * i]), tonumber(ARGV[3 + 2 * i])
  local used = prune(log, total, now - window)
  out[3 + i] = used
  local allowed
  if count > 0 then allowed = used + count <= limit else allowed = used < limit end
  if not allowed then
    -- time until enough of the oldest calls leave the window for this call to fit
    local need = used + math.max(count, 1) - limit
    local retry = window
    local from = 0
    while need > 0 do
      local chunk = redis.call('ZRANGE', log, from, from + 63, 'WITHSCORES')
      if #chunk == 0 then break end
      for j = 1, #chunk, 2 do
        need = need - tonumber(string.match(chunk[j], '^(%d+)'))
        if need <= 0 then
          retry = tonumber(chunk[j + 1]) + window - now
          break
        end
      end
      from = from + 64
    end
    if retry < 0 then retry = 0 end
    return {0, i, retry, unpack(out, 4)}
  end
end
if count > 0 then
  for i = 1, n do record(KEYS[2 * i - 1], KEYS[2 * i], count, now, id, tonumber(ARGV[3 + 2 * i])) end
end
return out
`);

/** record: KEYS = log, total; ARGV = count, now, id, window. */
export const RATE_RECORD = script(`${PRUNE}
local count, now, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
prune(KEYS[1], KEYS[2], now - window)
record(KEYS[1], KEYS[2], count, now, ARGV[3], window)
return 1
`);

/** The period index and end of a quota period (end -1: never renews). */
const PERIOD = `
local function period(len, first, now)
  if len <= 0 then return 0, -1 end
  local index = math.floor((now - first) / len)
  return index, first + (index + 1) * len
end
local function usage(key, index)
  local h = redis.call('HMGET', key, 'i', 'c', 'b')
  if h[1] and tonumber(h[1]) == index then return tonumber(h[2] or '0'), tonumber(h[3] or '0') end
  return 0, 0
end
local function add(key, index, pend, now, calls, bytes)
  local h = redis.call('HGET', key, 'i')
  if not h or tonumber(h) ~= index then redis.call('HSET', key, 'i', index, 'c', 0, 'b', 0) end
  if calls > 0 then redis.call('HINCRBY', key, 'c', calls) end
  if bytes > 0 then redis.call('HINCRBY', key, 'b', bytes) end
  -- relative to the caller's clock, not Redis's: the period ends by the gateways' time
  if pend >= 0 then redis.call('PEXPIRE', key, math.max(1, pend - now + 60000)) else redis.call('PERSIST', key) end
end
`;

/**
 * take: KEYS = counters; ARGV = inc, deferred (1/0), now, then per counter: period ms, first start ms,
 * calls (-1: no limit), bytes (-1: no limit), calls to add. Returns { allowed, exceeded (0, 1 calls,
 * 2 bandwidth), period end (-1: never) }.
 */
export const QUOTA_TAKE = script(`${PERIOD}
local inc, deferred, now = tonumber(ARGV[1]), ARGV[2] == '1', tonumber(ARGV[3])
local idx, ends = {}, {}
for i = 1, #KEYS do
  local b = 3 + 5 * (i - 1)
  local len, first, calls, bytes = tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3]), tonumber(ARGV[b + 4])
  local index, pend = period(len, first, now)
  idx[i], ends[i] = index, pend
  local c, by = usage(KEYS[i], index)
  if calls >= 0 then
    local over
    if deferred then over = c >= calls else over = c + inc > calls end
    if over then return {0, 1, pend} end
  end
  if bytes >= 0 and by >= bytes then return {0, 2, pend} end
end
for i = 1, #KEYS do
  local a = tonumber(ARGV[3 + 5 * (i - 1) + 5])
  if a > 0 then add(KEYS[i], idx[i], ends[i], now, a, 0) end
end
return {1, 0, 0}
`);

/** add: KEYS = counter; ARGV = period ms, first start ms, now, calls, bytes. */
export const QUOTA_ADD = script(`${PERIOD}
local index, pend = period(tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]))
add(KEYS[1], index, pend, tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
return 1
`);

/** usage: KEYS = counter; ARGV = period ms, first start ms, now. Returns { calls, bytes, period end }. */
export const QUOTA_USAGE = script(`${PERIOD}
local index, pend = period(tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]))
local c, b = usage(KEYS[1], index)
return {c, b, pend}
`);

/** enter: KEYS = slots; ARGV = max, now, token, lease ms. Returns 1 when a slot was taken. */
export const CONCURRENCY_ENTER = script(`
local max, now, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= max then return 0 end
redis.call('ZADD', KEYS[1], now + lease, ARGV[3])
redis.call('PEXPIRE', KEYS[1], lease)
return 1
`);
