package org.onestop.insight;

import java.time.Duration;

/**
 * One edge of the interdependency map: the step of {@code toOrganisation} waited on the step of
 * {@code fromOrganisation} (the applicant, for steps that start at submission).
 *
 * @param layer inter-organisational (two organisations), organisational (two steps of one
 *        organisation), process (the applicant's submission starts the step) or technology
 *        (the platform carries the work between them)
 */
public record Dependency(String fromStep, String fromOrganisation, String toStep, String toOrganisation,
        long handoffs, Duration waiting, String layer) {
}
