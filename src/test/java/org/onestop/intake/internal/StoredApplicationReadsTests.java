package org.onestop.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Application;
import org.onestop.intake.Channel;
import org.onestop.intake.Principal;
import org.onestop.platform.Ids;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An application inserted in a transaction is read back inside it from what was inserted, without
 * asking the database; what the transaction changes, an inner transaction of its own, and every
 * later transaction read the stored row.
 */
@OneStopTest
class StoredApplicationReadsTests {

    @Autowired
    JdbcApplications applications;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Catalog catalog;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    Service service;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        service = catalog.published(DemoNetworkFixture.SERVICE).orElseThrow();
    }

    @Test
    void the_inserting_transaction_reads_its_application_as_inserted_and_a_replaced_form_as_replaced() {
        Application application = newApplication("Kept Ltd");
        Application changed = new TransactionTemplate(transactions).execute(tx -> {
            applications.insert(application, null, null);
            assertThat(applications.find(application.id())).containsSame(application);
            applications.replaceForm(application.id(), DemoNetworkFixture.form("Renamed Ltd", "northfield"));
            return applications.find(application.id()).orElseThrow();
        });

        assertThat(changed).isNotSameAs(application);
        assertThat(changed.form().path("business").path("name").asString()).isEqualTo("Renamed Ltd");
        assertThat(applications.find(application.id()).orElseThrow().form().path("business").path("name").asString())
                .isEqualTo("Renamed Ltd");
    }

    @Test
    void an_inner_transaction_of_its_own_does_not_see_the_outer_transactions_uncommitted_application() {
        Application application = newApplication("Outer Ltd");
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        Optional<Application> seenInside = new TransactionTemplate(transactions).execute(tx -> {
            applications.insert(application, null, null);
            Optional<Application> seen = inner.execute(innerTx -> applications.find(application.id()));
            assertThat(applications.find(application.id())).as("the outer transaction again, after the inner one")
                    .containsSame(application);
            return seen;
        });

        assertThat(seenInside).isEmpty();
        assertThat(applications.find(application.id())).isPresent();
    }

    @Test
    void after_a_rollback_the_application_is_not_found() {
        Application application = newApplication("Rolled Back Ltd");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            applications.insert(application, null, null);
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(applications.find(application.id())).isEmpty();
    }

    private Application newApplication(String business) {
        String reference = "OS-T" + UUID.randomUUID().toString().substring(0, 3).toUpperCase() + "-"
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        return new Application(Ids.newId(clock), reference, service.id(), service.code(), service.version(),
                new Principal(Principal.Kind.BUSINESS, "B-" + UUID.randomUUID().toString().substring(0, 8), business),
                DemoNetworkFixture.form(business, "northfield"), Channel.API, null, "tests",
                clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
