package org.onestop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Flags steps that passed their deadline, once each, as an event the network's managers can count. */
@Component
class OverdueSteps {

    static final int BATCH = 500;

    private final JdbcCases cases;
    private final CaseEvents events;
    private final Clock clock;

    OverdueSteps(JdbcCases cases, CaseEvents events, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${onestop.cases.overdue-check:PT1M}", initialDelayString = "PT10S")
    @Transactional
    public int flag() {
        Instant now = clock.instant();
        int flagged = 0;
        for (JdbcCases.OverdueStep step : cases.newlyOverdue(now, BATCH)) {
            if (cases.flagOverdue(step.caseId(), step.step(), now)) {
                events.log("step-overdue", step.caseId(), step.step(), step.organisation(), "platform", now,
                        Map.of("deadline", step.deadline().toString()));
                flagged++;
            }
        }
        return flagged;
    }
}
