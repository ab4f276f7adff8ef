package org.onestop.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.cases.ApplicantUpdate;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.StepState;
import org.onestop.cases.UpdatingApplicants;
import org.onestop.platform.Ids;
import org.onestop.platform.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the organisations' status updates in {@code case_update} and writes each as an
 * {@code applicant-updated} event. The step's row, then the case's, is locked while an update is
 * sent (the order in which a step's completion takes them), so that no update slips in after the
 * step ended or the case closed, and a retry with the same key waits for the first and finds it.
 */
@Component
class ApplicantUpdates implements UpdatingApplicants {

    static final int MAX_KEY = 200;

    private final JdbcClient jdbc;
    private final CaseEvents events;
    private final Clock clock;

    ApplicantUpdates(JdbcClient jdbc, CaseEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The message as kept: trimmed, line breaks as \n. */
    static String normalised(String message) {
        return message == null ? "" : message.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    static List<Violation> violations(String message) {
        if (message.isEmpty()) {
            return List.of(new Violation("message", "Enter the update"));
        }
        if (message.length() > MAX_MESSAGE) {
            return List.of(new Violation("message", "The update must be " + MAX_MESSAGE + " characters or fewer"));
        }
        return List.of();
    }

    @Override
    @Transactional
    public Result send(UUID caseId, String step, String message, String idempotencyKey, String organisation,
            String actor) {
        String text = normalised(message);
        List<Violation> invalid = violations(text);
        if (!invalid.isEmpty()) {
            return new Invalid(invalid);
        }
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY)) {
            return new Invalid(List.of(new Violation("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters")));
        }
        Optional<StepRow> locked = jdbc.sql("SELECT organisation, state, round FROM case_step WHERE case_id = ? AND step = ? "
                + "FOR UPDATE").params(caseId, step)
                .query((rs, n) -> new StepRow(rs.getString("organisation"), StepState.valueOf(rs.getString("state")),
                        rs.getInt("round"))).optional();
        if (locked.isEmpty() || !locked.get().organisation().equals(organisation)) {
            return new NotAllowed("Step '" + step + "' of this case is not handled by " + organisation);
        }
        CaseStatus status = jdbc.sql("SELECT status FROM case_file WHERE id = ? FOR UPDATE").param(caseId)
                .query((rs, n) -> CaseStatus.valueOf(rs.getString("status"))).single();
        if (idempotencyKey != null) {
            Optional<ApplicantUpdate> earlier = jdbc.sql("SELECT * FROM case_update WHERE case_id = ? AND step = ? "
                    + "AND idempotency_key = ?").params(caseId, step, idempotencyKey).query(ApplicantUpdates::update).optional();
            if (earlier.isPresent()) {
                return earlier.get().message().equals(text) ? new Sent(earlier.get(), true) : new KeyReused(earlier.get());
            }
        }
        if (status != CaseStatus.OPEN) {
            return new NotAllowed("The case is " + status.name().toLowerCase());
        }
        StepState state = locked.get().state();
        if (state != StepState.READY && state != StepState.IN_PROGRESS) {
            return new NotAllowed("Step '" + step + "' is " + state.name().toLowerCase().replace('_', ' ')
                    + ": updates are sent while a step is ready or in progress");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApplicantUpdate update = new ApplicantUpdate(Ids.newId(clock), caseId, step, organisation, locked.get().round(),
                text, now);
        jdbc.sql("""
                INSERT INTO case_update (id, case_id, step, organisation, round, message, sent_at, actor, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(update.id(), caseId, step, organisation, update.round(), text, Timestamp.from(now), actor,
                        idempotencyKey)
                .update();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("update", update.id().toString());
        attributes.put("round", update.round());
        attributes.put("message", text);
        events.log("applicant-updated", caseId, step, organisation, actor, now, attributes);
        return new Sent(update, false);
    }

    @Override
    public List<ApplicantUpdate> of(UUID caseId) {
        return jdbc.sql("SELECT * FROM case_update WHERE case_id = ? ORDER BY sent_at, id").param(caseId)
                .query(ApplicantUpdates::update).list();
    }

    private static ApplicantUpdate update(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApplicantUpdate(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("step"), rs.getString("organisation"), rs.getInt("round"), rs.getString("message"),
                rs.getTimestamp("sent_at").toInstant());
    }

    private record StepRow(String organisation, StepState state, int round) {
    }
}
