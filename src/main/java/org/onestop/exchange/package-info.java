/**
 * Carries work to the organisations' own systems and brings outcomes back: one durable
 * delivery per ready step, pushed signed to the organisation's endpoint (retried with backoff,
 * dead after the last attempt, replayable) or offered in its pull feed under a lease.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.onestop.exchange;
