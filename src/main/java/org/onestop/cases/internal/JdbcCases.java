package org.onestop.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.cases.Case;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.CaseStep;
import org.onestop.cases.Cases;
import org.onestop.cases.Correction;
import org.onestop.cases.StepState;
import org.onestop.cases.WorkItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcCases implements Cases {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;

    JdbcCases(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    @Override
    public Optional<Case> find(UUID id) {
        // one statement, so that the case and its steps come from the same snapshot: read apart, a case
        // could be seen completed while its last step was not yet
        List<Case> rows = new ArrayList<>(1);
        List<CaseStep> steps = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.reference, c.service_id, c.service_code, c.status, c.opened_at, c.closed_at,
                       s.step, s.name, s.organisation, s.state, s.depends_on, s.ready_at, s.started_at, s.ended_at,
                       s.deadline, s.output, s.reason, s.round, s.correction_asked_at, s.correction_fields
                FROM case_file c LEFT JOIN case_step s ON s.case_id = c.id
                WHERE c.id = ? ORDER BY s.position""").param(id)
                .query(rs -> {
                    if (rows.isEmpty()) {
                        rows.add(new Case(rs.getObject("id", UUID.class), rs.getString("reference"),
                                rs.getObject("service_id", UUID.class), rs.getString("service_code"),
                                CaseStatus.valueOf(rs.getString("status")), instant(rs, "opened_at"), instant(rs, "closed_at"),
                                List.of()));
                    }
                    if (rs.getString("step") != null) {
                        steps.add(mapStep(rs, steps.size()));
                    }
                });
        return rows.stream().findFirst().map(found -> new Case(found.id(), found.reference(), found.serviceId(),
                found.serviceCode(), found.status(), found.openedAt(), found.closedAt(), List.copyOf(steps)));
    }

    @Override
    public List<WorkItem> workFor(String organisation, int limit) {
        return jdbc.sql("""
                SELECT s.case_id, c.reference, c.service_code, s.step, s.name, s.state, s.ready_at, s.deadline
                FROM case_step s JOIN case_file c ON c.id = s.case_id
                WHERE s.organisation = ? AND s.state IN ('READY', 'IN_PROGRESS') AND c.status = 'OPEN'
                ORDER BY s.ready_at, s.case_id
                FETCH FIRST ? ROWS ONLY""")
                .params(organisation, limit)
                .query((rs, row) -> new WorkItem(rs.getObject("case_id", UUID.class), rs.getString("reference"),
                        rs.getString("service_code"), rs.getString("step"), rs.getString("name"),
                        StepState.valueOf(rs.getString("state")), instant(rs, "ready_at"), instant(rs, "deadline")))
                .list();
    }

    void insertCase(UUID id, String reference, UUID serviceId, String serviceCode, Instant openedAt) {
        jdbc.sql("INSERT INTO case_file (id, reference, service_id, service_code, status, opened_at) VALUES (?, ?, ?, ?, 'OPEN', ?)")
                .params(id, reference, serviceId, serviceCode, Timestamp.from(openedAt)).update();
    }

    /** Inserts the steps of a new case in one batch, in the order given. */
    void insertSteps(UUID caseId, List<CaseStep> steps) {
        List<Object[]> rows = new ArrayList<>(steps.size());
        for (int position = 0; position < steps.size(); position++) {
            CaseStep step = steps.get(position);
            rows.add(new Object[] {caseId, step.code(), position, step.name(), step.organisation(), step.state().name(),
                    json.writeValueAsString(step.dependsOn()), timestamp(step.readyAt()), timestamp(step.deadline())});
        }
        batches.batchUpdate("""
                INSERT INTO case_step (case_id, step, position, name, organisation, state, depends_on, ready_at, deadline)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""", rows);
    }

    /** Moves a step from one state to another; false when it was no longer in {@code from} (someone else acted). */
    boolean moveStep(UUID caseId, String step, StepState from, StepState to, Instant at, Instant deadline, JsonNode output,
            String reason) {
        String timeColumn = switch (to) {
            case READY -> "ready_at";
            case IN_PROGRESS -> "started_at";
            case CORRECTION_REQUESTED -> "correction_asked_at";
            case COMPLETED, REJECTED -> "ended_at";
            case WAITING -> throw new IllegalArgumentException("no step goes back to waiting");
        };
        return jdbc.sql("UPDATE case_step SET state = ?, " + timeColumn + " = ?, deadline = COALESCE(?, deadline), "
                + "output = CAST(? AS jsonb), reason = ? WHERE case_id = ? AND step = ? AND state = ?")
                .params(to.name(), Timestamp.from(at), timestamp(deadline),
                        output == null ? null : json.writeValueAsString(output), reason, caseId, step, from.name())
                .update() == 1;
    }

    /** Records the fields asked of a step just moved to correction requested. */
    void correctionFields(UUID caseId, String step, List<String> fields) {
        jdbc.sql("UPDATE case_step SET correction_fields = CAST(? AS jsonb) WHERE case_id = ? AND step = ?")
                .params(json.writeValueAsString(fields), caseId, step).update();
    }

    /**
     * A step waiting for a correction is ready again, in its next round, as if new: not started,
     * no reason, nothing asked; false when it no longer waited (someone else acted).
     */
    boolean readyAgain(UUID caseId, String step, int round, Instant at, Instant deadline) {
        return jdbc.sql("""
                UPDATE case_step SET state = 'READY', round = ?, ready_at = ?, started_at = NULL, deadline = ?, overdue_at = NULL,
                       reason = NULL, correction_asked_at = NULL, correction_fields = NULL
                WHERE case_id = ? AND step = ? AND state = 'CORRECTION_REQUESTED'""")
                .params(round, Timestamp.from(at), timestamp(deadline), caseId, step).update() == 1;
    }

    /**
     * A step not yet with its organisation, or back from it for a correction, goes to another
     * organisation (the corrected answers route it elsewhere); false when its state moved meanwhile.
     */
    boolean reroute(UUID caseId, String step, String organisation) {
        return jdbc.sql("UPDATE case_step SET organisation = ? WHERE case_id = ? AND step = ? "
                        + "AND state IN ('WAITING', 'CORRECTION_REQUESTED')")
                .params(organisation, caseId, step).update() == 1;
    }

    /** Closes an open case; false when it was closed already. */
    boolean closeCase(UUID caseId, CaseStatus status, Instant at) {
        return jdbc.sql("UPDATE case_file SET status = ?, closed_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(status.name(), Timestamp.from(at), caseId).update() == 1;
    }

    /** Open steps past their deadline not yet flagged, oldest deadline first. */
    List<OverdueStep> newlyOverdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT case_id, step, organisation, deadline FROM case_step
                WHERE state IN ('READY', 'IN_PROGRESS') AND deadline < ? AND overdue_at IS NULL
                ORDER BY deadline FETCH FIRST ? ROWS ONLY""")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new OverdueStep(rs.getObject("case_id", UUID.class), rs.getString("step"),
                        rs.getString("organisation"), instant(rs, "deadline")))
                .list();
    }

    boolean flagOverdue(UUID caseId, String step, Instant at) {
        return jdbc.sql("UPDATE case_step SET overdue_at = ? WHERE case_id = ? AND step = ? AND overdue_at IS NULL")
                .params(Timestamp.from(at), caseId, step).update() == 1;
    }

    record OverdueStep(UUID caseId, String step, String organisation, Instant deadline) {
    }

    private CaseStep mapStep(ResultSet rs, int row) throws SQLException {
        String output = rs.getString("output");
        return new CaseStep(rs.getString("step"), rs.getString("name"), rs.getString("organisation"),
                StepState.valueOf(rs.getString("state")), json.readValue(rs.getString("depends_on"), STRINGS),
                instant(rs, "ready_at"), instant(rs, "started_at"), instant(rs, "ended_at"), instant(rs, "deadline"),
                output == null ? null : json.readTree(output), rs.getString("reason"), rs.getInt("round"),
                rs.getString("correction_fields") == null ? null
                        : new Correction(json.readValue(rs.getString("correction_fields"), STRINGS), instant(rs, "correction_asked_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
