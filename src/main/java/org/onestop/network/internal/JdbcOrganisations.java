package org.onestop.network.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.platform.RecentReads;
import org.onestop.network.ReceivingMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcOrganisations implements Organisations {

    private static final String COLUMNS = "code, name, kind, status, receiving, endpoint, jwks";

    private final JdbcClient jdbc;
    private final RecentReads<String, Optional<Organisation>> recent = new RecentReads<>(1_000);

    JdbcOrganisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Organisation> find(String code) {
        return recent.get(code, this::read);
    }

    private Optional<Organisation> read(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE code = ?").param(code)
                .query(JdbcOrganisations::map).optional();
    }

    @Override
    public List<Organisation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation ORDER BY code").query(JdbcOrganisations::map).list();
    }

    @Override
    @Transactional
    public void save(Organisation o) {
        recent.forgetAll();
        String endpoint = o.endpoint() == null ? null : o.endpoint().toString();
        int updated = jdbc.sql("""
                UPDATE organisation SET name = ?, kind = ?, status = ?, receiving = ?, endpoint = ?, jwks = CAST(? AS jsonb)
                WHERE code = ?""")
                .params(o.name(), o.kind().name(), o.status().name(), o.receiving().name(), endpoint, o.jwks(), o.code())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO organisation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")
                    .params(o.code(), o.name(), o.kind().name(), o.status().name(), o.receiving().name(), endpoint, o.jwks())
                    .update();
        }
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        String endpoint = rs.getString("endpoint");
        return new Organisation(rs.getString("code"), rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")), OrganisationStatus.valueOf(rs.getString("status")),
                ReceivingMode.valueOf(rs.getString("receiving")), endpoint == null ? null : URI.create(endpoint),
                rs.getString("jwks"));
    }
}
