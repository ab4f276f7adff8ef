package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RecentReadsTests {

    private final AtomicInteger loads = new AtomicInteger();
    private final RecentReads<String, String> reads = new RecentReads<>(10);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void aSecondReadIsAnsweredWithoutLoading() {
        assertThat(reads.get("a", this::load)).isEqualTo("a#1");
        assertThat(reads.get("a", this::load)).isEqualTo("a#1");
        assertThat(reads.get("b", this::load)).isEqualTo("b#2");
    }

    @Test
    void aWriteForgetsAtOnce() {
        reads.get("a", this::load);
        reads.forgetAll();
        assertThat(reads.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void aWriteInATransactionForgetsAgainWhenItEnds() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            reads.forgetAll();
            // another thread reading before the commit would keep the old value
            assertThat(reads.get("a", this::load)).isEqualTo("a#1");
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(reads.get("a", this::load)).isEqualTo("a#2");
    }
}
