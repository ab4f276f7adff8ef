package org.onestop.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The token ids ({@code jti}) members have used, kept until their tokens could no longer be
 * accepted. The primary key makes the first use win, even for concurrent replays.
 */
@Repository
class MemberTokenUses {

    private final JdbcClient jdbc;
    private final Clock clock;

    MemberTokenUses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the use; {@code false} when the organisation already used this token id. */
    boolean firstUse(String organisation, String jti, Instant keepUntil) {
        return jdbc.sql("INSERT INTO member_token_use (organisation, jti, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(organisation, jti, OffsetDateTime.ofInstant(keepUntil, ZoneOffset.UTC))
                .update() == 1;
    }

    /** Forgets the uses whose tokens have expired (clock skew included); returns how many. */
    @Scheduled(fixedDelayString = "${onestop.access.token-use-purge-interval:PT5M}", initialDelayString = "PT1M")
    int purgeExpired() {
        return jdbc.sql("DELETE FROM member_token_use WHERE expires_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofSeconds(1)), ZoneOffset.UTC))
                .update();
    }
}
