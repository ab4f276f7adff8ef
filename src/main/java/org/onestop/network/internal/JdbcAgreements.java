package org.onestop.network.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.onestop.network.ActivityProfile;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.onestop.platform.RecentReads;
import org.onestop.network.GovernanceMode;
import org.onestop.network.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAgreements implements Agreements {

    private static final String COLUMNS = """
            code, organisation, service, steps, governance, sla, cost_amount, cost_currency, fields, legal_basis,
            valid_from, valid_to, asset_specificity, uncertainty, frequency""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RecentReads<String, List<Agreement>> recentByService = new RecentReads<>(1_000);

    JdbcAgreements(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Agreement> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agreement WHERE code = ?").param(code).query(this::map).optional();
    }

    @Override
    public List<Agreement> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agreement ORDER BY code").query(this::map).list();
    }

    @Override
    public List<Agreement> forService(String serviceCode) {
        return recentByService.get(serviceCode, this::readForService);
    }

    private List<Agreement> readForService(String serviceCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agreement WHERE service = ? ORDER BY code").param(serviceCode)
                .query(this::map).list().stream().toList();
    }

    @Override
    @Transactional
    public void save(Agreement a) {
        recentByService.forgetAll();
        Object[] values = {a.organisation(), a.service(), json.writeValueAsString(a.steps()), a.governance().name(),
                a.sla() == null ? null : a.sla().toString(),
                a.costPerCase() == null ? null : a.costPerCase().amount(),
                a.costPerCase() == null ? null : a.costPerCase().currency(),
                json.writeValueAsString(a.fields()), a.legalBasis(), Date.valueOf(a.validFrom()),
                a.validTo() == null ? null : Date.valueOf(a.validTo()),
                a.activity() == null ? null : a.activity().assetSpecificity(),
                a.activity() == null ? null : a.activity().uncertainty(),
                a.activity() == null ? null : a.activity().frequency(), a.code()};
        int updated = jdbc.sql("""
                UPDATE agreement SET organisation = ?, service = ?, steps = CAST(? AS jsonb), governance = ?, sla = ?,
                    cost_amount = ?, cost_currency = ?, fields = CAST(? AS jsonb), legal_basis = ?, valid_from = ?,
                    valid_to = ?, asset_specificity = ?, uncertainty = ?, frequency = ?
                WHERE code = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO agreement (organisation, service, steps, governance, sla, cost_amount, cost_currency, fields,
                        legal_basis, valid_from, valid_to, asset_specificity, uncertainty, frequency, code)
                    VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values).update();
        }
    }

    private Agreement map(ResultSet rs, int row) throws SQLException {
        String sla = rs.getString("sla");
        BigDecimal amount = rs.getBigDecimal("cost_amount");
        Date validTo = rs.getDate("valid_to");
        int assetSpecificity = rs.getInt("asset_specificity");
        ActivityProfile activity = rs.wasNull() ? null
                : new ActivityProfile(assetSpecificity, rs.getInt("uncertainty"), rs.getInt("frequency"));
        return new Agreement(rs.getString("code"), rs.getString("organisation"), rs.getString("service"),
                json.readValue(rs.getString("steps"), STRINGS), GovernanceMode.valueOf(rs.getString("governance")),
                sla == null ? null : Duration.parse(sla),
                amount == null ? null : new Money(amount, rs.getString("cost_currency").trim()),
                json.readValue(rs.getString("fields"), STRINGS), rs.getString("legal_basis"),
                rs.getDate("valid_from").toLocalDate(), validTo == null ? null : validTo.toLocalDate(), activity);
    }
}
