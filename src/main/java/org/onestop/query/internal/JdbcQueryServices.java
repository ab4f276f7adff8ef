package org.onestop.query.internal;

import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.onestop.query.QueryAgreement;
import org.onestop.query.QueryService;
import org.onestop.query.QueryServices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcQueryServices implements QueryServices {

    private static final String SERVICE_COLUMNS = "provider, code, title, url, path, timeout_millis, request_schema, answer_schema";
    private static final String AGREEMENT_COLUMNS = "code, consumer, provider, service, purpose, legal_basis, fields, valid_from, valid_to";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcQueryServices(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<QueryService> find(String provider, String code) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + " FROM query_service WHERE provider = ? AND code = ?")
                .params(provider, code).query(this::mapService).optional();
    }

    @Override
    public List<QueryService> all() {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + " FROM query_service ORDER BY provider, code").query(this::mapService).list();
    }

    @Override
    @Transactional
    public void save(QueryService s) {
        Object[] values = {s.title(), s.url() == null ? null : s.url().toString(), s.path(), s.timeout().toMillis(),
                json.writeValueAsString(s.request()), json.writeValueAsString(s.answer()), s.provider(), s.code()};
        int updated = jdbc.sql("""
                UPDATE query_service SET title = ?, url = ?, path = ?, timeout_millis = ?, request_schema = ?, answer_schema = ?
                WHERE provider = ? AND code = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO query_service (title, url, path, timeout_millis, request_schema, answer_schema, provider, code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    @Override
    public List<QueryAgreement> agreements() {
        return jdbc.sql("SELECT " + AGREEMENT_COLUMNS + " FROM query_agreement ORDER BY code").query(this::mapAgreement).list();
    }

    @Override
    public Optional<QueryAgreement> agreement(String code) {
        return jdbc.sql("SELECT " + AGREEMENT_COLUMNS + " FROM query_agreement WHERE code = ?").param(code)
                .query(this::mapAgreement).optional();
    }

    /** The agreements that name this consumer, provider and service, whatever their validity. */
    List<QueryAgreement> agreementsFor(String consumer, String provider, String service) {
        return jdbc.sql("SELECT " + AGREEMENT_COLUMNS
                        + " FROM query_agreement WHERE provider = ? AND service = ? AND consumer = ? ORDER BY code")
                .params(provider, service, consumer).query(this::mapAgreement).list();
    }

    @Override
    @Transactional
    public void save(QueryAgreement a) {
        Object[] values = {a.consumer(), a.provider(), a.service(), a.purpose(), a.legalBasis(),
                json.writeValueAsString(a.fields()), Date.valueOf(a.validFrom()),
                a.validTo() == null ? null : Date.valueOf(a.validTo()), a.code()};
        int updated = jdbc.sql("""
                UPDATE query_agreement SET consumer = ?, provider = ?, service = ?, purpose = ?, legal_basis = ?,
                    fields = CAST(? AS jsonb), valid_from = ?, valid_to = ?
                WHERE code = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO query_agreement (consumer, provider, service, purpose, legal_basis, fields, valid_from, valid_to, code)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""").params(values).update();
        }
    }

    private QueryService mapService(ResultSet rs, int row) throws SQLException {
        String url = rs.getString("url");
        return new QueryService(rs.getString("provider"), rs.getString("code"), rs.getString("title"),
                url == null ? null : URI.create(url), rs.getString("path"), Duration.ofMillis(rs.getLong("timeout_millis")),
                json.readTree(rs.getString("request_schema")), json.readTree(rs.getString("answer_schema")));
    }

    private QueryAgreement mapAgreement(ResultSet rs, int row) throws SQLException {
        Date validTo = rs.getDate("valid_to");
        return new QueryAgreement(rs.getString("code"), rs.getString("consumer"), rs.getString("provider"),
                rs.getString("service"), rs.getString("purpose"), rs.getString("legal_basis"),
                json.readValue(rs.getString("fields"), STRINGS), rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate());
    }
}
