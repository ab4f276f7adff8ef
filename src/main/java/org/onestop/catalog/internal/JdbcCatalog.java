package org.onestop.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.catalog.ServiceDefinition;
import org.onestop.catalog.ServiceStatus;
import org.onestop.catalog.Step;
import org.onestop.platform.Ids;
import org.onestop.platform.RecentReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcCatalog implements Catalog {

    private static final String COLUMNS = "id, code, version, name, description, status, form, steps, created_at";
    private static final TypeReference<List<Step>> STEPS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RecentReads<String, Optional<Service>> recentPublished = new RecentReads<>(1_000);
    private final RecentReads<UUID, Optional<Service>> recentVersions = new RecentReads<>(1_000);

    JdbcCatalog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<Service> published(String code) {
        return recentPublished.get(code, this::readPublished);
    }

    private Optional<Service> readPublished(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_version WHERE code = ? AND status = 'PUBLISHED'")
                .param(code).query(this::map).optional();
    }

    @Override
    public Optional<Service> find(UUID id) {
        return recentVersions.get(id, this::read);
    }

    private Optional<Service> read(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_version WHERE id = ?").param(id).query(this::map).optional();
    }

    @Override
    public Optional<Service> latest(String code) {
        return versions(code).stream().findFirst();
    }

    @Override
    public List<Service> versions(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_version WHERE code = ? ORDER BY version DESC")
                .param(code).query(this::map).list();
    }

    @Override
    public List<Service> latestOfEach() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_version s WHERE version = "
                + "(SELECT MAX(version) FROM service_version l WHERE l.code = s.code) ORDER BY code")
                .query(this::map).list();
    }

    @Override
    @Transactional
    public Service save(ServiceDefinition definition) {
        recentPublished.forgetAll();
        recentVersions.forgetAll();
        Optional<Service> latest = latest(definition.code());
        if (latest.isPresent() && sameContent(latest.get().definition(), definition)) {
            Service current = latest.get();
            if (current.status() == definition.status()) {
                return current;
            }
            retireOthersIfPublishing(definition, current.id());
            jdbc.sql("UPDATE service_version SET status = ? WHERE id = ?")
                    .params(definition.status().name(), current.id()).update();
            return new Service(current.id(), current.version(), definition, current.createdAt());
        }
        if (latest.isPresent() && latest.get().status() == ServiceStatus.DRAFT) {
            Service draft = latest.get();
            retireOthersIfPublishing(definition, draft.id());
            jdbc.sql("UPDATE service_version SET name = ?, description = ?, status = ?, form = ?, steps = ? WHERE id = ?")
                    .params(definition.name(), definition.description(), definition.status().name(),
                            json.writeValueAsString(definition.form()), json.writeValueAsString(definition.steps()), draft.id())
                    .update();
            return new Service(draft.id(), draft.version(), definition, draft.createdAt());
        }
        Service created = new Service(Ids.newId(clock), latest.map(s -> s.version() + 1).orElse(1), definition,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        retireOthersIfPublishing(definition, created.id());
        jdbc.sql("INSERT INTO service_version (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(created.id(), definition.code(), created.version(), definition.name(), definition.description(),
                        definition.status().name(), json.writeValueAsString(definition.form()),
                        json.writeValueAsString(definition.steps()), Timestamp.from(created.createdAt()))
                .update();
        return created;
    }

    private void retireOthersIfPublishing(ServiceDefinition definition, UUID keep) {
        if (definition.status() == ServiceStatus.PUBLISHED) {
            jdbc.sql("UPDATE service_version SET status = 'RETIRED' WHERE code = ? AND status = 'PUBLISHED' AND id <> ?")
                    .params(definition.code(), keep).update();
        }
    }

    private boolean sameContent(ServiceDefinition a, ServiceDefinition b) {
        // compared through JSON so that numbers and durations compare by value, as stored
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.description(), b.description())
                && json.valueToTree(a.form()).equals(json.valueToTree(b.form()))
                && json.valueToTree(a.steps()).equals(json.valueToTree(b.steps()));
    }

    private Service map(ResultSet rs, int row) throws SQLException {
        ServiceDefinition definition = new ServiceDefinition(rs.getString("code"), rs.getString("name"),
                rs.getString("description"), ServiceStatus.valueOf(rs.getString("status")),
                json.readTree(rs.getString("form")), json.readValue(rs.getString("steps"), STEPS));
        return new Service(rs.getObject("id", UUID.class), rs.getInt("version"), definition,
                rs.getTimestamp("created_at").toInstant());
    }
}
