package org.onestop.platform;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers to reads of rarely changing reference data (published services, agreements,
 * organisations), kept for a short while so that the hot path of every application does not
 * ask the database for them again.
 *
 * <p>A write on this node forgets everything at once and again when its transaction ends, so
 * this node never serves a value older than its own last commit. Another node may serve a value
 * for at most {@link #FRESHNESS} after a change; reference data changes by hand, so that is
 * acceptable where a round trip per application is not.
 */
public final class RecentReads<K, V> {

    public static final Duration FRESHNESS = Duration.ofSeconds(2);

    private final Cache<K, V> cache;

    public RecentReads(int maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(FRESHNESS).build();
    }

    /** The kept answer, or the loader's, which is kept unless it is {@code null}. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        return cache.get(key, loader);
    }

    /** Forgets every kept answer now and once more when the current transaction ends. */
    public void forgetAll() {
        cache.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidateAll();
                }
            });
        }
    }
}
