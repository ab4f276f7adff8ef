package org.onestop.mandates.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onestop.mandates.Mandate;
import org.onestop.mandates.MandateDecision;
import org.onestop.mandates.MandateStatus;
import org.onestop.mandates.Mandates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcMandates implements Mandates {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcMandates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public MandateDecision check(String agent, String principal, String service, LocalDate day) {
        return MandateCheck.decide(between(agent, principal), service, day);
    }

    @Override
    public List<Mandate> between(String agent, String principal) {
        return jdbc.sql("SELECT id, agent, principal, services, valid_from, valid_to, status FROM mandate "
                + "WHERE agent = ? AND principal = ? ORDER BY id").params(agent, principal).query(this::map).list();
    }

    private Mandate map(ResultSet rs, int row) throws SQLException {
        Date validTo = rs.getDate("valid_to");
        return new Mandate(rs.getObject("id", UUID.class), rs.getString("agent"), rs.getString("principal"),
                json.readValue(rs.getString("services"), STRINGS), rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate(), MandateStatus.valueOf(rs.getString("status")));
    }
}
