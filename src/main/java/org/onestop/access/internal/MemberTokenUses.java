package org.onestop.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.onestop.platform.GroupCommit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token ids ({@code jti}) members have used, kept until their tokens could no longer be
 * accepted. The primary key makes the first use win, even for concurrent replays.
 */
@Repository
class MemberTokenUses {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final Clock clock;
    // every member request records its token: concurrent requests share one commit
    private final GroupCommit<Use, Boolean> uses = new GroupCommit<>(64, this::recordAll);

    MemberTokenUses(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Records the use; {@code false} when the organisation already used this token id. */
    boolean firstUse(String organisation, String jti, Instant keepUntil) {
        return uses.run(new Use(organisation, jti, keepUntil));
    }

    private List<Boolean> recordAll(List<Use> group) {
        int[] inserted = transaction.execute(status -> batches.batchUpdate(
                "INSERT INTO member_token_use (organisation, jti, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                group, group.size(), (statement, use) -> {
                    statement.setString(1, use.organisation());
                    statement.setString(2, use.jti());
                    statement.setObject(3, OffsetDateTime.ofInstant(use.keepUntil(), ZoneOffset.UTC));
                })[0]);
        List<Boolean> first = new ArrayList<>(group.size());
        for (int count : inserted) {
            first.add(count == 1);
        }
        return first;
    }

    private record Use(String organisation, String jti, Instant keepUntil) {
    }

    /** Forgets the uses whose tokens have expired (clock skew included); returns how many. */
    @Scheduled(fixedDelayString = "${onestop.access.token-use-purge-interval:PT5M}", initialDelayString = "PT1M")
    int purgeExpired() {
        return jdbc.sql("DELETE FROM member_token_use WHERE expires_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofSeconds(1)), ZoneOffset.UTC))
                .update();
    }
}
