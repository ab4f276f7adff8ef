package org.onestop.insight;

import java.time.Duration;

/** The time cases of a service spent waiting on one organisation (ready, not yet taken up) in the period. */
public record OrganisationWaiting(String organisation, long steps, Duration waiting, Duration lead, double share) {
}
