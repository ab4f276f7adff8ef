package org.onestop.insight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.catalog.Step;
import org.onestop.platform.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event log in id order from where it stopped last time and adds what it finds to the
 * roll-up tables, one batch per transaction together with the new position, so that a crash
 * repeats no batch and skips none.
 * <p>
 * Ids are UUIDv7, made when the event is made, and a transaction may commit an event after a
 * later one: the reader only takes events older than a safety lag (a minute by default), long
 * after their transactions committed, so that none is passed over.
 */
@Component
class EventRollup {

    static final String READER = "rollup";
    static final String APPLICANT = "applicant";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final Catalog catalog;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lag;
    private final int batchSize;

    EventRollup(JdbcTemplate jdbc, TransactionTemplate transaction, Catalog catalog, JsonMapper json, Clock clock,
            @Value("${onestop.insight.lag:PT1M}") Duration lag, @Value("${onestop.insight.batch:5000}") int batchSize) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transaction = transaction;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
        this.lag = lag;
        this.batchSize = batchSize;
    }

    static boolean digital(String channel) {
        return org.onestop.insight.ServiceKpis.DIGITAL_CHANNELS.contains(channel);
    }

    @Scheduled(fixedDelayString = "${onestop.insight.interval:PT15S}", initialDelayString = "PT20S")
    void poll() {
        catchUp(clock.instant().minus(lag));
    }

    /** Empties the roll-ups and reads the whole log again, e.g. after history was written into the past. */
    long rebuild() {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT last_id FROM insight_position WHERE reader = ? FOR UPDATE", UUID.class, READER);
            for (String table : List.of("insight_journey", "insight_step", "insight_case", "insight_daily",
                    "insight_step_daily", "insight_duration", "insight_handoff")) {
                jdbc.update("DELETE FROM " + table);
            }
            jdbc.update("UPDATE insight_position SET last_id = ?, updated_at = ? WHERE reader = ?", new UUID(0, 0),
                    Timestamp.from(clock.instant()), READER);
        });
        return catchUp(clock.instant().plusMillis(1));
    }

    /**
     * Whether nothing has been rolled up and nothing waits to be: then history written into the
     * past can be rolled up as it is written ({@link #takeWritten}) instead of read back.
     */
    boolean startsEmpty() {
        Integer facts = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM insight_case FETCH FIRST 1 ROWS ONLY) f",
                Integer.class);
        Integer waiting = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM event_log WHERE type IN "
                + "('application-started', 'application-submitted') FETCH FIRST 1 ROWS ONLY) w", Integer.class);
        return facts == 0 && waiting == 0;
    }

    /**
     * Marks every event made before the instant as taken in, so that the reader leaves alone the
     * history that {@link #takeWritten} rolls up; the caller has checked {@link #startsEmpty}.
     */
    void passOver(Instant before) {
        jdbc.update("UPDATE insight_position SET last_id = ?, updated_at = ? WHERE reader = ?",
                Ids.firstOf(before), Timestamp.from(clock.instant()), READER);
    }

    /**
     * Rolls up events being written in the caller's transaction: whole cases, each case's events
     * in id order, as the reader would meet them. The counts add up whatever the order of the cases.
     */
    void takeWritten(List<Row> events) {
        Batch batch = new Batch(new HashMap<>());
        for (Row event : events) {
            batch.take(event);
        }
        batch.flush();
    }

    /** Takes in every event made before the instant; returns how many. */
    long catchUp(Instant before) {
        UUID upTo = Ids.firstOf(before);
        long total = 0;
        while (true) {
            Integer taken = transaction.execute(status -> batch(upTo));
            total += taken;
            if (taken < batchSize) {
                return total;
            }
        }
    }

    private int batch(UUID upTo) {
        // holding the position row makes every other node wait (or find nothing new) meanwhile
        UUID last = jdbc.queryForObject("SELECT last_id FROM insight_position WHERE reader = ? FOR UPDATE", UUID.class, READER);
        List<Row> events = jdbc.query("""
                SELECT id, occurred_at, type, case_id, step, organisation, channel, attributes FROM event_log
                WHERE id > ? AND id < ? ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(batchSize),
                this::row, last, upTo);
        if (events.isEmpty()) {
            return 0;
        }
        Batch batch = new Batch(load(events));
        for (Row event : events) {
            batch.take(event);
        }
        batch.flush();
        jdbc.update("UPDATE insight_position SET last_id = ?, updated_at = ? WHERE reader = ?",
                events.get(events.size() - 1).id, Timestamp.from(clock.instant()), READER);
        return events.size();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(), rs.getString("type"),
                rs.getObject("case_id", UUID.class), rs.getString("step"), rs.getString("organisation"),
                rs.getString("channel"), rs.getString("attributes"), null);
    }

    /** The facts of the cases the events are about. */
    private Map<UUID, CaseFact> load(List<Row> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        events.stream().filter(e -> e.caseId != null).forEach(e -> ids.add(e.caseId));
        Map<UUID, CaseFact> cases = new HashMap<>();
        if (ids.isEmpty()) {
            return cases;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", new ArrayList<>(ids));
        named.query("SELECT * FROM insight_case WHERE case_id IN (:ids)", params, rs -> {
            CaseFact fact = new CaseFact(rs.getObject("case_id", UUID.class), rs.getString("service"),
                    rs.getString("channel"), rs.getTimestamp("submitted_at").toInstant());
            fact.endedAt = instant(rs.getTimestamp("ended_at"));
            fact.outcome = rs.getString("outcome");
            fact.principal = rs.getString("principal");
            fact.represented = rs.getString("represented");
            fact.prefilled = rs.getBoolean("prefilled");
            cases.put(fact.caseId, fact);
        });
        named.query("SELECT * FROM insight_step WHERE case_id IN (:ids)", params, rs -> {
            CaseFact fact = cases.get(rs.getObject("case_id", UUID.class));
            if (fact != null) {
                StepFact step = fact.step(rs.getString("step"), rs.getString("organisation"));
                step.readyAt = instant(rs.getTimestamp("ready_at"));
                step.startedAt = instant(rs.getTimestamp("started_at"));
                step.endedAt = instant(rs.getTimestamp("ended_at"));
                step.deadline = instant(rs.getTimestamp("deadline"));
                step.outcome = rs.getString("outcome");
                step.rejections = rs.getInt("rejections");
                step.overdue = rs.getBoolean("overdue");
                step.updated = rs.getBoolean("updated");
                step.announced = rs.getBoolean("announced");
            }
        });
        return cases;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    record Row(UUID id, Instant at, String type, UUID caseId, String step, String organisation, String channel,
            String attributes, String actor) {
    }

    /** One batch of events: the facts they change and the counts they add. */
    private final class Batch {

        private final Map<UUID, CaseFact> cases;
        private final Set<UUID> changed = new LinkedHashSet<>();
        private final Set<String> journeys = new LinkedHashSet<>();
        private final Map<String, Service> services = new HashMap<>();
        private final Counters daily = new Counters("insight_daily",
                List.of("service", "on_day", "channel", "principal", "represented"),
                List.of("started", "submitted", "completed", "rejected", "withdrawn", "sat1", "sat2", "sat3", "sat4",
                        "sat5", "complaints", "appeals", "prefilled", "milestone_cases", "updated_cases"));
        private final Counters steps = new Counters("insight_step_daily",
                List.of("service", "step", "organisation", "channel", "on_day"),
                List.of("ended", "completed", "reworked", "overdue", "handoffs_in", "lead_seconds", "wait_seconds",
                        "proc_seconds"));
        private final Counters durations = new Counters("insight_duration",
                List.of("service", "step", "organisation", "measure", "on_day", "bucket"), List.of("cases"));
        private final Counters handoffs = new Counters("insight_handoff",
                List.of("service", "from_step", "from_organisation", "to_step", "to_organisation", "on_day"),
                List.of("handoffs", "wait_seconds"));

        Batch(Map<UUID, CaseFact> cases) {
            this.cases = cases;
        }

        void take(Row e) {
            switch (e.type) {
                case "application-started" -> started(e);
                case "application-submitted" -> submitted(e);
                case "satisfaction-rated" -> rated(e);
                case "complaint-made" -> complained(e, "complaints");
                case "appeal-made" -> complained(e, "appeals");
                case "step-ready", "step-started", "step-completed", "step-rejected", "step-overdue" -> step(e);
                case "case-completed", "case-rejected", "case-withdrawn" -> ended(e);
                case "registry-query-attributed" -> prefilled(e);
                case "applicant-updated" -> updated(e);
                default -> {
                    // other events do not change what insight measures
                }
            }
        }

        private JsonNode attributes(Row e) {
            return json.readTree(e.attributes == null ? "{}" : e.attributes);
        }

        private void started(Row e) {
            JsonNode attributes = attributes(e);
            String journey = attributes.path("journey").asString("");
            String service = attributes.path("service").asString("");
            if (journey.isEmpty() || service.isEmpty() || !journeys.add(journey)) {
                return;
            }
            if (jdbc.update("INSERT INTO insight_journey (journey) SELECT ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM insight_journey WHERE journey = ?)", journey, journey) == 1) {
                // the principal and whether an intermediary acts are not known until submission
                daily.addTo(List.of(service, day(e.at), channelOf(e), "", ""), "started", 1);
            }
        }

        /** The key of a case's daily counts on a day. */
        private List<Object> dailyKey(CaseFact fact, LocalDate day) {
            return List.of(fact.service, day, fact.channel, fact.principal, fact.represented);
        }

        private void submitted(Row e) {
            if (e.caseId == null || cases.containsKey(e.caseId)) {
                return;
            }
            String service = attributes(e).path("service").asString("");
            String channel = channelOf(e);
            CaseFact fact = new CaseFact(e.caseId, service, channel, e.at);
            String principal = attributes(e).path("principalKind").asString("");
            fact.principal = principal.length() > 16 ? "" : principal;
            // the event's organisation is the intermediary that submitted under a mandate
            fact.represented = e.organisation == null || e.organisation.isBlank() ? "self" : "intermediary";
            cases.put(e.caseId, fact);
            changed.add(e.caseId);
            List<Object> key = dailyKey(fact, day(e.at));
            daily.addTo(key, "submitted", 1);
            // a portal journey counted as started when it began; the other channels start by submitting
            if (!"portal".equals(channel)) {
                daily.addTo(key, "started", 1);
            }
        }

        private String channelOf(Row e) {
            return e.channel == null || e.channel.isBlank() ? "portal" : e.channel;
        }

        private void rated(Row e) {
            CaseFact fact = e.caseId == null ? null : cases.get(e.caseId);
            int score = attributes(e).path("score").asInt(0);
            if (fact == null || score < 1 || score > 5) {
                return;
            }
            daily.addTo(dailyKey(fact, day(e.at)), "sat" + score, 1);
        }

        /** A complaint about the service or an appeal against a step, counted on the day it was made. */
        private void complained(Row e, String column) {
            CaseFact fact = e.caseId == null ? null : cases.get(e.caseId);
            if (fact != null) {
                daily.addTo(dailyKey(fact, day(e.at)), column, 1);
            }
        }

        /**
         * A registry query turned out to concern the application (the portal's look-up, attributed at
         * submission): the case was prefilled, counted once, on the day it was submitted.
         */
        private void prefilled(Row e) {
            CaseFact fact = e.caseId == null ? null : cases.get(e.caseId);
            if (fact == null || fact.prefilled) {
                return;
            }
            fact.prefilled = true;
            changed.add(fact.caseId);
            daily.addTo(dailyKey(fact, day(fact.submittedAt)), "prefilled", 1);
        }

        /** An update to the applicant counts for the step only when the step's own organisation sent it. */
        private void updated(Row e) {
            CaseFact fact = e.caseId == null ? null : cases.get(e.caseId);
            StepFact step = fact == null || e.step == null ? null : fact.steps.get(e.step);
            if (step == null || step.readyAt == null || !step.organisation.equals(e.organisation)) {
                return;
            }
            step.updated = true;
            changed.add(fact.caseId);
        }

        private void step(Row e) {
            CaseFact fact = e.caseId == null ? null : cases.get(e.caseId);
            if (fact == null || e.step == null) {
                return;
            }
            changed.add(fact.caseId);
            StepFact step = fact.step(e.step, e.organisation);
            switch (e.type) {
                case "step-ready" -> {
                    if (step.readyAt == null) {
                        step.readyAt = e.at;
                    }
                    // a new round (after a correction) needs an update of its own
                    step.updated = false;
                    String deadline = attributes(e).path("deadline").asString("");
                    if (!deadline.isEmpty()) {
                        step.deadline = Instant.parse(deadline);
                    }
                }
                case "step-started" -> {
                    if (step.startedAt == null) {
                        step.startedAt = e.at;
                    }
                }
                case "step-completed" -> {
                    step.endedAt = e.at;
                    step.outcome = "completed";
                    step.announced = step.updated;
                }
                case "step-rejected" -> {
                    step.endedAt = e.at;
                    step.outcome = "rejected";
                    step.rejections++;
                }
                default -> step.overdue = true;
            }
        }

        private void ended(Row e) {
            CaseFact fact = e.caseId == null ? null : cases.get(e.caseId);
            if (fact == null || fact.outcome != null) {
                return;
            }
            changed.add(fact.caseId);
            fact.endedAt = e.at;
            fact.outcome = e.type.substring("case-".length());
            LocalDate day = day(e.at);
            List<Object> key = dailyKey(fact, day);
            switch (fact.outcome) {
                case "completed" -> daily.addTo(key, "completed", 1);
                case "rejected" -> {
                    daily.addTo(key, "completed", 1);
                    daily.addTo(key, "rejected", 1);
                }
                default -> daily.addTo(key, "withdrawn", 1);
            }
            if (!"withdrawn".equals(fact.outcome)) {
                // the lead time of a transaction: from submission to its outcome
                duration(fact.service, "", "", "case", day, Duration.between(fact.submittedAt, e.at).getSeconds());
            }
            // milestones: the completed steps; a case without one has nothing to announce and is left out
            long milestones = fact.steps.values().stream().filter(StepFact::completed).count();
            if (milestones > 0) {
                daily.addTo(key, "milestone_cases", 1);
                if (fact.steps.values().stream().filter(StepFact::completed).allMatch(s -> s.announced)) {
                    daily.addTo(key, "updated_cases", 1);
                }
            }
            Service service = services.computeIfAbsent(fact.service, code -> catalog.latest(code).orElse(null));
            for (StepFact step : fact.steps.values()) {
                if (!step.ended()) {
                    continue;
                }
                List<String> dependsOn = service == null ? List.of()
                        : service.definition().step(step.step).map(Step::dependsOn).orElse(List.of());
                long handoffsIn = 0;
                long wait = step.waitSeconds();
                if (dependsOn.isEmpty()) {
                    handoffs.add(List.of(fact.service, "", APPLICANT, step.step, step.organisation, day), 1, wait);
                }
                for (String dependency : dependsOn) {
                    StepFact from = fact.steps.get(dependency);
                    if (from != null) {
                        handoffs.add(List.of(fact.service, from.step, from.organisation, step.step, step.organisation, day),
                                1, wait);
                        if (!from.organisation.equals(step.organisation)) {
                            handoffsIn++;
                        }
                    }
                }
                steps.add(List.of(fact.service, step.step, step.organisation, fact.channel, day), 1,
                        step.completed() ? 1 : 0, step.reworked() ? 1 : 0, step.lateOrFlagged() ? 1 : 0, handoffsIn,
                        step.leadSeconds(), wait, step.processSeconds());
                duration(fact.service, step.step, step.organisation, "lead", day, step.leadSeconds());
                duration(fact.service, step.step, step.organisation, "wait", day, wait);
                duration(fact.service, step.step, step.organisation, "process", day, step.processSeconds());
            }
        }

        private void duration(String service, String step, String organisation, String measure, LocalDate day, long seconds) {
            // histograms are kept per month: percentiles have month resolution, and a year is a few thousand rows
            durations.add(List.of(service, step, organisation, measure, org.onestop.insight.Granularity.MONTH.start(day),
                    DurationBuckets.bucket(seconds)), 1);
        }

        void flush() {
            if (!changed.isEmpty()) {
                MapSqlParameterSource ids = new MapSqlParameterSource("ids", new ArrayList<>(changed));
                named.update("DELETE FROM insight_step WHERE case_id IN (:ids)", ids);
                named.update("DELETE FROM insight_case WHERE case_id IN (:ids)", ids);
                List<Object[]> caseRows = new ArrayList<>();
                List<Object[]> stepRows = new ArrayList<>();
                for (UUID id : changed) {
                    CaseFact c = cases.get(id);
                    caseRows.add(new Object[] {c.caseId, c.service, c.channel, timestamp(c.submittedAt),
                            timestamp(c.endedAt), c.outcome, c.principal, c.represented, c.prefilled});
                    for (StepFact s : c.steps.values()) {
                        stepRows.add(new Object[] {s.caseId, s.step, s.organisation, timestamp(s.readyAt),
                                timestamp(s.startedAt), timestamp(s.endedAt), timestamp(s.deadline), s.outcome,
                                s.rejections, s.overdue, s.updated, s.announced});
                    }
                }
                jdbc.batchUpdate("INSERT INTO insight_case (case_id, service, channel, submitted_at, ended_at, outcome, "
                        + "principal, represented, prefilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseRows);
                if (!stepRows.isEmpty()) {
                    jdbc.batchUpdate("INSERT INTO insight_step (case_id, step, organisation, ready_at, started_at, ended_at, "
                            + "deadline, outcome, rejections, overdue, updated, announced) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stepRows);
                }
            }
            daily.flush(jdbc);
            steps.flush(jdbc);
            durations.flush(jdbc);
            handoffs.flush(jdbc);
        }
    }
}
