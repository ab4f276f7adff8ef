package org.onestop.exchange;

import java.time.Instant;

/** Pushes to an organisation are paused: its deliveries wait, without attempts, until someone resumes them. */
public record DeliveryPause(String organisation, Instant pausedAt, String pausedBy) {
}
