package org.onestop.insight.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.onestop.insight.History;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a plausible past for the "Start a business" demo network straight into the event log,
 * in the shapes the platform writes: journeys started (some resumed, some abandoned),
 * submissions in a channel mix drifting from paper to digital, seasonality and quiet weekends,
 * steps taken up and completed by each organisation at its own pace (the bank is slow and often
 * late), registrations rejected or sent back for correction, withdrawals, deliveries,
 * satisfaction answers that fall as cases take longer, portal applications prefilled from the
 * address register (more of them as time goes on), and status updates to the applicant from most
 * organisations (rarely from the slow bank). Only event_log is written: the
 * history is for insight, not cases that operators could still work on.
 */
@Component
class HistoryGenerator implements History {

    private static final String SERVICE = "start-a-business";
    private static final int CHUNK = 20_000;
    private static final String[] CHANNELS = {"portal", "api", "bulk", "assisted", "paper"};
    private static final double[] MIX_THEN = {0.42, 0.12, 0.04, 0.12, 0.30};
    private static final double[] MIX_NOW = {0.64, 0.20, 0.07, 0.06, 0.03};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventRollup rollup;
    private final JsonMapper json;
    private final Clock clock;

    HistoryGenerator(JdbcTemplate jdbc, TransactionTemplate transaction, EventRollup rollup, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rollup = rollup;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public long generate(int cases, int months, long seed) {
        if (cases < 1 || months < 1 || months > 120) {
            throw new IllegalArgumentException("cases must be positive and months between 1 and 120");
        }
        Instant now = clock.instant();
        LocalDate end = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = end.minusMonths(months);
        int days = (int) (end.toEpochDay() - start.toEpochDay());
        double[] cumulative = dayWeights(start, days);
        boolean rollUpAsWritten = transaction.execute(status -> {
            if (!rollup.startsEmpty()) {
                return false;
            }
            rollup.passOver(now);
            return true;
        });
        Writer writer = new Writer(now, rollUpAsWritten);
        Random random = new Random(seed);
        for (int i = 0; i < cases; i++) {
            int day = pick(cumulative, random.nextDouble());
            double progress = days <= 1 ? 1 : (double) day / (days - 1);
            Instant submitted = start.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(7 * 3600 + random.nextInt(12 * 3600));
            new OneCase(writer, random, submitted, channel(random, progress), i, progress).write();
            writer.caseDone();
        }
        writer.flush();
        if (!rollUpAsWritten) {
            rollup.rebuild();
        }
        return writer.written;
    }

    /** Seasonality (a spring peak, a summer and December dip), quiet weekends and steady growth. */
    private static double[] dayWeights(LocalDate start, int days) {
        double[] cumulative = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            double season = 1 + 0.25 * Math.cos(2 * Math.PI * (date.getDayOfYear() - 80) / 365.0);
            if (date.getMonthValue() == 8 || date.getMonthValue() == 12) {
                season *= 0.75;
            }
            double week = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.25 : 1;
            double growth = 1 + 0.3 * d / Math.max(1, days);
            sum += season * week * growth;
            cumulative[d] = sum;
        }
        for (int d = 0; d < days; d++) {
            cumulative[d] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        int index = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    private static String channel(Random random, double progress) {
        double u = random.nextDouble();
        double seen = 0;
        for (int c = 0; c < CHANNELS.length; c++) {
            seen += MIX_THEN[c] + (MIX_NOW[c] - MIX_THEN[c]) * progress;
            if (u < seen) {
                return CHANNELS[c];
            }
        }
        return CHANNELS[0];
    }

    /**
     * Gathers whole cases and writes them in chunks, each in a transaction (with COPY on
     * PostgreSQL); skips anything after now. On a fresh install the chunk is rolled up as it is
     * written, which spares reading millions of events back.
     */
    private final class Writer {

        private final Instant now;
        private final boolean rollUpAsWritten;
        private final List<EventRollup.Row> rows = new ArrayList<>(CHUNK + 100);
        long written;

        Writer(Instant now, boolean rollUpAsWritten) {
            this.now = now;
            this.rollUpAsWritten = rollUpAsWritten;
        }

        void add(UUID id, Instant at, String type, UUID caseId, String step, String organisation, String channel,
                String actor, Map<String, Object> attributes) {
            if (at.isAfter(now)) {
                return;
            }
            rows.add(new EventRollup.Row(id, at, type, caseId, step, organisation, channel, json.writeValueAsString(attributes),
                    actor));
        }

        /** A case is written whole, so that a chunk rolled up holds every event of its cases. */
        void caseDone() {
            if (rows.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            List<EventRollup.Row> chunk = new ArrayList<>(rows);
            rows.clear();
            transaction.executeWithoutResult(status -> {
                insert(chunk);
                if (rollUpAsWritten) {
                    chunk.sort(Comparator.comparing(EventRollup.Row::id));
                    rollup.takeWritten(chunk);
                }
            });
            written += chunk.size();
        }

        private void insert(List<EventRollup.Row> chunk) {
            Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
            try {
                if (connection.isWrapperFor(PGConnection.class)) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY event_log (id, occurred_at, type, case_id, "
                            + "application_id, step, organisation, channel, actor, attributes) FROM STDIN (FORMAT csv)",
                            new StringReader(csv(chunk)));
                    return;
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("could not copy history into the event log", e);
            }
            jdbc.batchUpdate("""
                    INSERT INTO event_log (id, occurred_at, type, case_id, application_id, step, organisation, channel, actor, attributes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", chunk.stream().map(e -> new Object[] {e.id(),
                    Timestamp.from(e.at()), e.type(), e.caseId(), e.caseId(), e.step(), e.organisation(), e.channel(),
                    e.actor(), e.attributes()}).toList());
        }

        private static String csv(List<EventRollup.Row> chunk) {
            StringBuilder csv = new StringBuilder(chunk.size() * 200);
            for (EventRollup.Row e : chunk) {
                csv.append(e.id()).append(',').append(e.at()).append(',');
                field(csv, e.type()).append(',');
                nullable(csv, e.caseId()).append(',');
                nullable(csv, e.caseId()).append(',');
                field(csv, e.step()).append(',');
                field(csv, e.organisation()).append(',');
                field(csv, e.channel()).append(',');
                field(csv, e.actor()).append(',');
                field(csv, e.attributes()).append('\n');
            }
            return csv.toString();
        }

        /** CSV: an unquoted empty field is NULL, a quoted one a string, and quotes inside are doubled. */
        private static StringBuilder field(StringBuilder csv, String value) {
            return value == null ? csv : csv.append('"').append(value.replace("\"", "\"\"")).append('"');
        }

        private static StringBuilder nullable(StringBuilder csv, UUID value) {
            return value == null ? csv : csv.append(value);
        }
    }

    /** One application from the first page to its outcome. */
    private final class OneCase {

        private final Writer writer;
        private final Random random;
        private final Instant submitted;
        private final String channel;
        private final int number;
        private final double progress;
        private final UUID caseId;
        private int sequence;

        OneCase(Writer writer, Random random, Instant submitted, String channel, int number, double progress) {
            this.writer = writer;
            this.random = random;
            this.submitted = submitted;
            this.channel = channel;
            this.number = number;
            this.progress = progress;
            this.caseId = id(submitted);
        }

        /** UUIDv7 from the time, with the case's own counter so that its events keep their order. */
        private UUID id(Instant at) {
            long most = (at.toEpochMilli() << 16) | 0x7000L | (sequence++ & 0xFFF);
            return new UUID(most, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }

        private void event(Instant at, String type, String step, String organisation, String eventChannel, String actor,
                Map<String, Object> attributes) {
            writer.add(id(at), at, type, caseId, step, organisation, eventChannel, actor, attributes);
        }

        private Duration hours(double mean) {
            // exponential with a floor of a minute: most work is quick, some waits long
            return Duration.ofSeconds(60 + (long) (-Math.log(1 - random.nextDouble()) * mean * 3600));
        }

        void write() {
            String journey = "history-" + number;
            if ("portal".equals(channel)) {
                Instant began = submitted.minus(hours(0.5));
                writer.add(id(began), began, "application-started", null, null, null, "portal", "applicant",
                        Map.of("journey", journey, "service", SERVICE));
                if (random.nextDouble() < 0.12) { // came back later to finish: a resume, the same journey
                    Instant resumed = submitted.minusSeconds(300);
                    writer.add(id(resumed), resumed, "application-started", null, null, null, "portal", "applicant",
                            Map.of("journey", journey, "service", SERVICE));
                }
                if (random.nextDouble() < 0.18) { // someone else started and gave up
                    Instant other = submitted.minusSeconds(3600);
                    writer.add(id(other), other, "application-started", null, null, null, "portal", "applicant",
                            Map.of("journey", journey + "-abandoned", "service", SERVICE));
                }
                // "Find the address": more applicants use the look-up as it becomes known
                if (random.nextDouble() < 0.3 + 0.35 * progress) {
                    prefill(began.plus(Duration.between(began, submitted).dividedBy(2)));
                }
            }
            // an accounting firm submits over the API and in bulk for its clients, most of them companies;
            // applicants applying themselves are mostly persons starting as sole traders
            boolean intermediary = "api".equals(channel) || "bulk".equals(channel);
            String principal = random.nextDouble() < (intermediary ? 0.6 : 0.25) ? "business" : "person";
            event(submitted, "application-submitted", null, intermediary ? "ledgerwise-accountants" : null, channel,
                    "applicant", Map.of("reference", "H" + number, "service", SERVICE, "serviceVersion", 1,
                            "principalKind", principal));
            event(submitted, "case-opened", null, null, null, "platform", Map.of("service", SERVICE, "steps", 4));
            String municipality = random.nextDouble() < 0.6 ? "municipality-northfield" : "municipality-southport";
            boolean withdraws = random.nextDouble() < 0.02;

            Step registration = new Step("register-company", "business-registry", Duration.ofDays(3));
            Step licence = new Step("trading-licence", municipality, Duration.ofDays(10));
            // status updates: most organisations tell the applicant how their step goes, more so as time goes on
            double habit = 0.75 + 0.25 * progress;
            registration.updates(0.9 * habit);
            licence.updates(("municipality-southport".equals(municipality) ? 0.7 : 0.85) * habit);
            Instant registered = registration.run(submitted, 4, 18, 0.03, 0.06);
            Instant licensed = licence.run(submitted, "municipality-southport".equals(municipality) ? 30 : 20,
                    "municipality-southport".equals(municipality) ? 60 : 48, 0, 0.03);
            if (withdraws) {
                Instant at = submitted.plus(hours(20));
                event(at, "case-withdrawn", null, null, null, "applicant", Map.of());
                return;
            }
            if (registered == null) { // rejected: the case ends with the rejection
                event(registration.endedAt, "case-rejected", null, null, null, "business-registry", Map.of());
                rate(registration.endedAt, Duration.between(submitted, registration.endedAt), true);
                if (random.nextDouble() < 0.25) { // a quarter of refused applicants appeal
                    Instant at = registration.endedAt.plus(hours(48));
                    event(at, "appeal-made", "register-company", "business-registry", "portal", "applicant",
                            Map.of("reference", "H" + number, "service", SERVICE,
                                    "text", "The name is not the same as the registered one; please look again."));
                }
                return;
            }
            Instant taxed = new Step("tax-number", "tax-agency", Duration.ofDays(5)).updates(0.85 * habit)
                    .run(registered, 6, 20, 0, 0.02);
            // the bank: a contracted partner that is slow to take work up, often late, and seldom says how it goes
            Instant account = new Step("business-account", "northbank", Duration.ofDays(2)).updates(0.12)
                    .run(registered, 30, 14, 0, 0.01);
            Instant ended = max(max(licensed, taxed), account);
            event(ended, "case-completed", null, null, null, "platform", Map.of());
            rate(ended, Duration.between(submitted, ended), false);
            complain(ended, Duration.between(submitted, ended));
        }

        /**
         * The portal's address look-up while the applicant fills in the form: the query (before the
         * application exists, so of no case) and, at submission, its attribution to the application,
         * in the shapes the query module writes.
         */
        private void prefill(Instant asked) {
            UUID query = id(asked);
            Map<String, Object> attributes = new java.util.LinkedHashMap<>();
            attributes.put("provider", "address-register");
            attributes.put("service", "address-lookup");
            attributes.put("requester", "portal");
            attributes.put("purpose", "Fill in the business address");
            attributes.put("requestFields", List.of("houseNumber", "postcode"));
            attributes.put("answerFields", List.of("municipality", "postcode", "street"));
            attributes.put("agreement", "portal-address-prefill");
            attributes.put("legalBasis", "Address Register Act, section 8");
            attributes.put("outcome", "answered");
            writer.add(query, asked, "registry-queried", null, null, null, "portal", "portal", attributes);
            Map<String, Object> attributed = new java.util.LinkedHashMap<>(attributes);
            attributed.put("query", query.toString());
            attributed.put("queriedAt", asked.toString());
            Instant at = submitted.plusSeconds(1);
            writer.add(id(at), at, "registry-query-attributed", caseId, null, null, "portal", "portal", attributed);
        }

        /** A few applicants complain, more of them when the case took long: about 3 in 1,000 plus 1 per day beyond a week. */
        private void complain(Instant ended, Duration lead) {
            double days = lead.toHours() / 24.0;
            if (random.nextDouble() < 0.003 + Math.max(0, days - 7) * 0.001) {
                Instant at = ended.plus(hours(24));
                event(at, "complaint-made", null, null, "portal", "applicant", Map.of("reference", "H" + number,
                        "service", SERVICE, "text", "It took " + Math.round(days) + " days and nobody told me why."));
            }
        }

        private Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private void rate(Instant ended, Duration lead, boolean rejected) {
            if (!"portal".equals(channel) || random.nextDouble() > 0.35) {
                return;
            }
            double days = lead.toHours() / 24.0;
            double mood = 4.6 - 0.12 * days - (rejected ? 1.5 : 0) + random.nextGaussian() * 0.8;
            int score = (int) Math.max(1, Math.min(5, Math.round(mood)));
            Instant at = ended.plusSeconds(600 + random.nextInt(86_400));
            writer.add(id(at), at, "satisfaction-rated", caseId, null, null, "portal", "applicant", Map.of("score", score));
        }

        /** One step: ready, delivered, taken up, perhaps sent back for correction, then ended. */
        private final class Step {

            final String code;
            final String organisation;
            final Duration sla;
            Instant endedAt;
            double updateChance;

            Step(String code, String organisation, Duration sla) {
                this.code = code;
                this.organisation = organisation;
                this.sla = sla;
            }

            /** How likely the organisation sends the applicant an update in each round of the step. */
            Step updates(double chance) {
                this.updateChance = chance;
                return this;
            }

            /** Perhaps an update to the applicant, at some time while the step is worked on. */
            private void update(Instant from, Instant to, int round) {
                if (random.nextDouble() >= updateChance || !to.isAfter(from)) {
                    return;
                }
                Instant at = from.plus(Duration.between(from, to).multipliedBy(1 + random.nextInt(8)).dividedBy(10));
                UUID update = id(at);
                event(at, "applicant-updated", code, organisation, null, organisation, Map.of("update", update.toString(),
                        "round", round, "message", round == 1 ? "We have started on your application and expect to finish soon."
                                : "Thank you for your corrected answers: we have taken your application up again."));
            }

            /** @return when the step completed, or null when it was rejected for good */
            Instant run(Instant ready, double meanWaitHours, double meanWorkHours, double rejection, double rework) {
                Instant deadline = ready.plus(sla);
                event(ready, "step-ready", code, organisation, null, "platform", Map.of("deadline", deadline.toString()));
                String delivery = UUID.nameUUIDFromBytes((caseId + code).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                event(ready, "delivery-created", code, organisation, null, "platform", Map.of("delivery", delivery, "mode", "inbox"));
                Instant started = ready.plus(hours(meanWaitHours));
                event(started.minusSeconds(30), "delivery-delivered", null, organisation, null, "platform",
                        Map.of("delivery", delivery, "attempts", 1));
                event(started, "step-started", code, organisation, null, organisation, Map.of());
                Instant done = started.plus(hours(meanWorkHours));
                update(started, done, 1);
                if (random.nextDouble() < rework) {
                    // sent back for correction, as the platform records it live: a rejection that is not final, the
                    // applicant's corrected answers, and the step ready again in its second round
                    event(done, "step-rejected", code, organisation, null, organisation,
                            Map.of("reason", "The business name differs from your documents: correct it and we continue",
                                    "final", false, "fields", List.of("business.name")));
                    Instant again = done.plus(hours(40));
                    event(again, "application-corrected", null, null, channel, "applicant",
                            Map.of("revision", 2, "fields", List.of("business.name")));
                    event(again, "step-ready", code, organisation, null, "applicant",
                            Map.of("deadline", deadline.toString(), "round", 2));
                    event(again.plus(hours(2)), "step-started", code, organisation, null, organisation, Map.of());
                    done = again.plus(hours(meanWorkHours));
                    update(again, done, 2);
                }
                if (done.isAfter(deadline)) {
                    event(deadline, "step-overdue", code, organisation, null, "platform", Map.of("deadline", deadline.toString()));
                }
                endedAt = done;
                if (random.nextDouble() < rejection) {
                    event(done, "step-rejected", code, organisation, null, organisation,
                            Map.of("reason", "The business name is already registered", "final", true));
                    return null;
                }
                event(done, "step-completed", code, organisation, null, organisation, Map.of());
                return done;
            }
        }
    }
}
