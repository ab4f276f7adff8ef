package org.onestop.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.onestop.ledger.DataUse;
import org.onestop.ledger.DataUse.Kind;
import org.onestop.ledger.DataUses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the uses from the events themselves, so that the view shows exactly what the ledger
 * holds: the organisation, step or purpose, field names, agreement and legal basis the event carries.
 */
@Component
final class JdbcDataUses implements DataUses {

    private static final List<String> TYPES = Arrays.stream(Kind.values()).map(Kind::eventType).toList();
    private static final String SELECT = "SELECT e.id, e.occurred_at, e.type, e.case_id, e.step, e.organisation, e.actor, "
            + "e.attributes, l.entry_index FROM event_log e LEFT JOIN ledger_leaf l ON l.event_id = e.id ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcDataUses(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<DataUse> ofApplication(UUID applicationId) {
        // a case has its application's id, and every use of an application's data names its case: the
        // indexed case column alone finds them (an OR with the unindexed application column would scan the log)
        return jdbc.sql(SELECT + "WHERE e.case_id = :id AND e.type IN (:types) "
                        + "ORDER BY e.occurred_at, e.id LIMIT " + MAX_ROWS)
                .param("id", applicationId).param("types", TYPES).query(this::map).list();
    }

    @Override
    public List<DataUse> across(String organisation, Instant from, Instant to) {
        String byOrganisation = organisation == null ? "" : "AND e.organisation = :organisation ";
        JdbcClient.StatementSpec statement = jdbc.sql(SELECT + "WHERE e.type IN (:types) AND e.occurred_at >= :from AND e.occurred_at < :to "
                        + byOrganisation + "ORDER BY e.occurred_at DESC, e.id DESC LIMIT " + MAX_ROWS)
                .param("types", TYPES).param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        if (organisation != null) {
            statement = statement.param("organisation", organisation);
        }
        return statement.query(this::map).list();
    }

    private DataUse map(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("type");
        JsonNode attributes = json.readTree(rs.getString("attributes"));
        long index = rs.getLong("entry_index");
        Long ledgerIndex = rs.wasNull() ? null : index;
        Instant at = rs.getTimestamp("occurred_at").toInstant();
        UUID caseId = rs.getObject("case_id", UUID.class);
        String agreement = text(attributes, "agreement");
        String legalBasis = text(attributes, "legalBasis");
        boolean prefill = Kind.PREFILL_QUERY.eventType().equals(type);
        if (prefill || Kind.REGISTRY_QUERY.eventType().equals(type)) {
            Set<String> fields = new LinkedHashSet<>(names(attributes.path("requestFields")));
            fields.addAll(names(attributes.path("answerFields")));
            String requester = text(attributes, "requester");
            String queriedAt = text(attributes, "queriedAt");
            if (prefill && queriedAt != null) {
                at = Instant.parse(queriedAt);
            }
            // a prefill was asked by the portal for the applicant: the organisation that saw the data is the provider
            String organisation = prefill ? text(attributes, "provider")
                    : requester != null ? requester : rs.getString("organisation");
            return new DataUse(prefill ? Kind.PREFILL_QUERY : Kind.REGISTRY_QUERY, at, caseId, organisation,
                    text(attributes, "purpose"), List.copyOf(fields), agreement, legalBasis, rs.getString("actor"), ledgerIndex);
        }
        Kind kind = Kind.DELIVERY.eventType().equals(type) ? Kind.DELIVERY : Kind.OPERATOR_VIEW;
        return new DataUse(kind, at, caseId, rs.getString("organisation"), rs.getString("step"), names(attributes.path("fields")),
                agreement, legalBasis, rs.getString("actor"), ledgerIndex);
    }

    private static String text(JsonNode attributes, String name) {
        JsonNode value = attributes.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(name -> names.add(name.asString()));
        }
        return names;
    }
}
