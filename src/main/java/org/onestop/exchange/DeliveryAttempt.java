package org.onestop.exchange;

import java.time.Instant;

/**
 * One try to hand a delivery over, as recorded after it.
 *
 * @param number counts across replays (1, 2, ...), so the history of a replayed delivery stays whole
 * @param result {@code delivered}, {@code retry}, {@code dead}, or {@code late} when the lease had passed to another worker
 * @param statusCode the receiver's HTTP status; {@code null} when no answer came
 */
public record DeliveryAttempt(int number, Instant at, String result, Integer statusCode, String error, long durationMillis) {
}
