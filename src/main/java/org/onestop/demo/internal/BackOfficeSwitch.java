package org.onestop.demo.internal;

import java.util.Optional;

import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the demo network is loaded: connects the simulated back offices when they are on; when
 * they are off, gives organisations still pointing at a simulator (from an earlier run) their web
 * inbox back, so that operators can do the steps by hand in the console.
 */
@Component
@Order(1)
class BackOfficeSwitch implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BackOfficeSwitch.class);

    private final Organisations organisations;
    private final ObjectProvider<BackOffices> backOffices;

    BackOfficeSwitch(Organisations organisations, ObjectProvider<BackOffices> backOffices) {
        this.organisations = organisations;
        this.backOffices = backOffices;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<BackOffices> on = Optional.ofNullable(backOffices.getIfAvailable());
        if (on.isPresent()) {
            on.get().connect();
            return;
        }
        for (Organisation organisation : organisations.all()) {
            if (BackOffices.ours(organisation)) {
                organisations.save(new Organisation(organisation.code(), organisation.name(), organisation.kind(),
                        organisation.status(), ReceivingMode.INBOX, null, organisation.jwks()));
                log.info("Demo back offices are off: {} works from the console inbox again", organisation.code());
            }
        }
    }
}
