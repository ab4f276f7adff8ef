package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The events of a transaction are written with it, all or none, and queued for the ledger with it. */
@OneStopTest
class EventLogTransactionTests {

    @Autowired
    EventLog events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void events_are_written_when_their_transaction_commits_and_can_be_read_inside_it() {
        UUID caseId = Ids.newId(clock);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.append(event(caseId, "first"));
            events.append(event(caseId, "second"));
            assertThat(events.ofCase(caseId)).extracting(Event::type).containsExactly("first", "second");
            events.append(event(caseId, "third"));
        });
        assertThat(events.ofCase(caseId)).extracting(Event::type).containsExactly("first", "second", "third");
        assertThat(queuedOrLedgered(caseId)).isEqualTo(3);
    }

    @Test
    void a_rolled_back_transaction_writes_none_of_its_events() {
        UUID caseId = Ids.newId(clock);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.append(event(caseId, "lost"));
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(events.ofCase(caseId)).isEmpty();
    }

    @Test
    void an_inner_transaction_of_its_own_commits_its_events_even_when_the_outer_one_rolls_back() {
        UUID caseId = Ids.newId(clock);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.append(event(caseId, "outer"));
            inner.executeWithoutResult(innerTx -> events.append(event(caseId, "inner")));
            throw new IllegalStateException("the outer change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(events.ofCase(caseId)).extracting(Event::type).containsExactly("inner");
    }

    private Event event(UUID caseId, String type) {
        return new Event(Ids.newId(clock), clock.instant(), type, caseId, caseId, null, null, null, "test", Map.of("n", 1));
    }

    private int queuedOrLedgered(UUID caseId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM event_log e
                WHERE e.case_id = ? AND (EXISTS (SELECT 1 FROM ledger_queue q WHERE q.event_id = e.id)
                                         OR EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.event_id = e.id))""")
                .param(caseId).query(Integer.class).single();
    }
}
