package org.onestop.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562), generated in Java so that no insert
 * needs the database to hand back a key. Within one millisecond the 12 bits after the time
 * count up (RFC 9562 method 1), so ids made by one process sort in the order they were made.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_STEP_BACK_MILLIS = 10_000;
    private static long lastMillis;
    private static int sequence;

    private Ids() {
    }

    public static UUID newId(Clock clock) {
        long millis;
        int counter;
        synchronized (Ids.class) {
            long now = clock.millis();
            // a small step back (clock adjustment) keeps the order; a large one is another clock, e.g. in tests
            millis = now < lastMillis && now > lastMillis - MAX_STEP_BACK_MILLIS ? lastMillis : now;
            if (millis == lastMillis) {
                sequence++;
                if (sequence > 0xFFF) {
                    millis++;
                    sequence = 0;
                }
            } else {
                sequence = RANDOM.nextInt(1 << 10);
            }
            lastMillis = millis;
            counter = sequence;
        }
        long most = (millis << 16) | (0x7L << 12) | counter;
        long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** The lowest id of the instant's millisecond: every id made before it sorts below it. */
    public static UUID firstOf(Instant instant) {
        return new UUID((instant.toEpochMilli() << 16) | (0x7L << 12), 0L);
    }
}
