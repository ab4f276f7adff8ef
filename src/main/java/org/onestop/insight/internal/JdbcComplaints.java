package org.onestop.insight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.onestop.insight.Complaint;
import org.onestop.insight.Complaints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaints and appeals read from the event log by type and time (the log's index on both), so a
 * page of them costs a few rows whatever the size of the log.
 */
@Service
class JdbcComplaints implements Complaints {

    static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcComplaints(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<Complaint> recent(int limit) {
        return jdbc.query("""
                SELECT id, occurred_at, type, case_id, step, organisation, attributes FROM event_log
                WHERE type IN (?, ?) ORDER BY occurred_at DESC, id DESC FETCH FIRST %d ROWS ONLY"""
                .formatted(bounded(limit)), this::complaint, Complaint.COMPLAINT_MADE, Complaint.APPEAL_MADE);
    }

    @Override
    public List<Complaint> appealsTo(String organisation, int limit) {
        return jdbc.query("""
                SELECT id, occurred_at, type, case_id, step, organisation, attributes FROM event_log
                WHERE type = ? AND organisation = ? ORDER BY occurred_at DESC, id DESC FETCH FIRST %d ROWS ONLY"""
                .formatted(bounded(limit)), this::complaint, Complaint.APPEAL_MADE, organisation);
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    private Complaint complaint(ResultSet rs, int n) throws SQLException {
        JsonNode attributes = json.readTree(rs.getString("attributes"));
        return new Complaint(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                Complaint.APPEAL_MADE.equals(rs.getString("type")) ? "appeal" : "complaint",
                rs.getObject("case_id", UUID.class), attributes.path("reference").asString(""),
                attributes.path("service").asString(""), rs.getString("step"), rs.getString("organisation"),
                attributes.path("text").asString(""));
    }
}
