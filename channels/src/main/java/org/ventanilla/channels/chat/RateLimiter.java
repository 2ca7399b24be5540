package org.ventanilla.channels.chat;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a session, a client address): {@code ratePerSecond} tokens flow in, at most {@code burst}
 * are kept. Thread-safe; time comes from the injected clock.
 */
public final class RateLimiter {

    private final Clock clock;
    private final double ratePerSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, double ratePerSecond, int burst) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate (" + ratePerSecond + "/s) and burst (" + burst + ") must be positive");
        }
        this.clock = clock;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    /** Takes one token for {@code key}; false when the bucket is empty. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            double refill = (now - bucket.updatedAt) / 1000.0 * ratePerSecond;
            bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, refill));
            bucket.updatedAt = Math.max(bucket.updatedAt, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Forgets buckets that are full again, so that idle keys do not accumulate. */
    public void evictIdle() {
        long now = clock.millis();
        Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            Bucket b = it.next().getValue();
            synchronized (b) {
                if (b.tokens + (now - b.updatedAt) / 1000.0 * ratePerSecond >= burst) {
                    it.remove();
                }
            }
        }
    }

    /** Keys currently tracked. */
    public int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
