package org.onestop.insight.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.onestop.insight.CaseMetrics;
import org.onestop.insight.Dependency;
import org.onestop.insight.Durations;
import org.onestop.insight.Granularity;
import org.onestop.insight.OrganisationWaiting;
import org.onestop.insight.Performance;
import org.onestop.insight.Segment;
import org.onestop.insight.ServiceKpis;
import org.onestop.insight.StepMetrics;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The measures, summed from the roll-up tables (a few thousand rows per year of history). */
@Service
class JdbcPerformance implements Performance {

    private final JdbcTemplate jdbc;
    private final EventRollup rollup;
    private final Agreements agreements;
    private final PlatformCost platformCost;
    private final Clock clock;

    JdbcPerformance(JdbcTemplate jdbc, EventRollup rollup, Agreements agreements, PlatformCost platformCost, Clock clock) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.agreements = agreements;
        this.platformCost = platformCost;
        this.clock = clock;
    }

    @Override
    public long refresh() {
        return rollup.catchUp(clock.instant().plusMillis(1));
    }

    private record KpiKey(LocalDate period, String channel) {
    }

    @Override
    public List<ServiceKpis> kpis(String service, LocalDate from, LocalDate to, Granularity granularity) {
        return kpis(service, from, to, granularity, Segment.ALL);
    }

    /**
     * The sums kept per day: started, submitted, completed, rejected, withdrawn, sat1-5, complaints,
     * appeals, prefilled, cases with milestones, cases updated at each milestone.
     */
    private static final int SUMS = 15;

    @Override
    public List<ServiceKpis> kpis(String service, LocalDate from, LocalDate to, Granularity granularity, Segment segment) {
        Segment part = Segment.orAll(segment);
        Map<KpiKey, long[]> counts = new TreeMap<>(Comparator.comparing(KpiKey::period).thenComparing(KpiKey::channel));
        List<Object> args = new ArrayList<>(List.of(service, Date.valueOf(from), Date.valueOf(to)));
        StringBuilder where = new StringBuilder();
        if (part.channel() != null) {
            where.append(" AND channel = ?");
            args.add(part.channel());
        }
        if (part.principal() != null) {
            where.append(" AND principal = ?");
            args.add(part.principal());
        }
        if (part.representation() != null) {
            where.append(" AND represented = ?");
            args.add(part.representation());
        }
        jdbc.query("""
                SELECT on_day, channel, SUM(started), SUM(submitted), SUM(completed), SUM(rejected), SUM(withdrawn),
                       SUM(sat1), SUM(sat2), SUM(sat3), SUM(sat4), SUM(sat5), SUM(complaints), SUM(appeals),
                       SUM(prefilled), SUM(milestone_cases), SUM(updated_cases)
                FROM insight_daily WHERE service = ? AND on_day BETWEEN ? AND ?%s GROUP BY on_day, channel"""
                .formatted(where), rs -> {
            LocalDate period = granularity.start(rs.getDate(1).toLocalDate());
            long[] sums = counts.computeIfAbsent(new KpiKey(period, rs.getString(2)), k -> new long[SUMS]);
            for (int i = 0; i < SUMS; i++) {
                sums[i] += rs.getLong(3 + i);
            }
        }, args.toArray());
        // steps are costed per channel, not per principal: a segment of applicants has no cost of its own
        Map<KpiKey, BigDecimal> costs = part.byApplicant() ? Map.of() : costs(service, from, to, granularity);
        Map<LocalDate, List<ServiceKpis>> byPeriod = new LinkedHashMap<>();
        counts.forEach((key, c) -> byPeriod.computeIfAbsent(key.period, p -> new ArrayList<>())
                .add(kpi(service, key.period, granularity, key.channel, c, costs.getOrDefault(key, BigDecimal.ZERO))));
        List<ServiceKpis> result = new ArrayList<>();
        byPeriod.forEach((period, rows) -> {
            long[] total = new long[SUMS];
            BigDecimal cost = BigDecimal.ZERO;
            for (ServiceKpis row : rows) {
                long[] c = sums(row);
                for (int i = 0; i < SUMS; i++) {
                    total[i] += c[i];
                }
                cost = cost.add(row.cost());
            }
            result.add(kpi(service, period, granularity, ServiceKpis.ALL_CHANNELS, total, cost, rows.stream()
                    .filter(r -> EventRollup.digital(r.channel())).mapToLong(ServiceKpis::completed).sum()));
            result.addAll(rows);
        });
        return result;
    }

    private static long[] sums(ServiceKpis row) {
        return new long[] {row.started(), row.submitted(), row.completed(), row.rejected(), row.withdrawn(),
                row.satisfaction().get(0), row.satisfaction().get(1), row.satisfaction().get(2),
                row.satisfaction().get(3), row.satisfaction().get(4), row.complaints(), row.appeals(), row.prefilled(),
                row.milestoneCases(), row.updatedCases()};
    }

    private ServiceKpis kpi(String service, LocalDate period, Granularity granularity, String channel, long[] c,
            BigDecimal cost) {
        return kpi(service, period, granularity, channel, c, cost, EventRollup.digital(channel) ? c[2] : 0);
    }

    private ServiceKpis kpi(String service, LocalDate period, Granularity granularity, String channel, long[] c,
            BigDecimal cost, long digital) {
        return new ServiceKpis(service, period, granularity.label(period), channel, c[0], c[2], c[3], c[4], digital,
                cost, platformCost.currency(), List.of(c[5], c[6], c[7], c[8], c[9]), c[1], c[10], c[11], c[12], c[13],
                c[14]);
    }

    /**
     * Full cost per period and channel: each ended step at the cost per case of the agreement
     * under which its organisation did it, plus the platform's running cost of each month shared
     * among services and channels by their completed transactions.
     */
    private Map<KpiKey, BigDecimal> costs(String service, LocalDate from, LocalDate to, Granularity granularity) {
        Map<KpiKey, BigDecimal> costs = new HashMap<>();
        List<Agreement> serviceAgreements = agreements.forService(service);
        jdbc.query("""
                SELECT on_day, channel, step, organisation, SUM(ended) FROM insight_step_daily
                WHERE service = ? AND on_day BETWEEN ? AND ? GROUP BY on_day, channel, step, organisation""", rs -> {
            LocalDate day = rs.getDate(1).toLocalDate();
            BigDecimal perCase = costPerCase(serviceAgreements, service, rs.getString(3), rs.getString(4), day);
            costs.merge(new KpiKey(granularity.start(day), rs.getString(2)),
                    perCase.multiply(BigDecimal.valueOf(rs.getLong(5))), BigDecimal::add);
        }, service, Date.valueOf(from), Date.valueOf(to));
        // the platform's cost of a month, shared by completed transactions of all services and channels
        Map<YearMonth, Long> allCompleted = new HashMap<>();
        Map<YearMonth, Map<KpiKey, Long>> mine = new HashMap<>();
        jdbc.query("""
                SELECT service, on_day, channel, SUM(completed) FROM insight_daily
                WHERE on_day BETWEEN ? AND ? GROUP BY service, on_day, channel""", rs -> {
            LocalDate day = rs.getDate(2).toLocalDate();
            YearMonth month = YearMonth.from(day);
            long completed = rs.getLong(4);
            allCompleted.merge(month, completed, Long::sum);
            if (service.equals(rs.getString(1))) {
                mine.computeIfAbsent(month, m -> new HashMap<>())
                        .merge(new KpiKey(granularity.start(day), rs.getString(3)), completed, Long::sum);
            }
        }, Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(YearMonth.from(to).atEndOfMonth()));
        mine.forEach((month, shares) -> {
            long all = allCompleted.getOrDefault(month, 0L);
            if (all > 0) {
                BigDecimal perTransaction = platformCost.perMonth().divide(BigDecimal.valueOf(all), 10,
                        java.math.RoundingMode.HALF_UP);
                shares.forEach((key, completed) -> {
                    if (!key.period.isBefore(granularity.start(from)) && !key.period.isAfter(to)) {
                        costs.merge(key, perTransaction.multiply(BigDecimal.valueOf(completed)), BigDecimal::add);
                    }
                });
            }
        });
        costs.replaceAll((k, v) -> v.setScale(2, java.math.RoundingMode.HALF_UP));
        return costs;
    }

    static BigDecimal costPerCase(List<Agreement> agreements, String service, String step, String organisation,
            LocalDate day) {
        return agreements.stream()
                .filter(a -> a.organisation().equals(organisation) && a.covers(service, step) && a.costPerCase() != null)
                .filter(a -> a.validOn(day)).findFirst()
                .or(() -> agreements.stream().filter(a -> a.organisation().equals(organisation)
                        && a.covers(service, step) && a.costPerCase() != null).findFirst())
                .map(a -> a.costPerCase().amount()).orElse(BigDecimal.ZERO);
    }

    private record StepKey(String step, String organisation) {
    }

    @Override
    public List<StepMetrics> steps(String service, LocalDate from, LocalDate to) {
        Map<StepKey, long[]> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT step, organisation, SUM(ended), SUM(completed), SUM(reworked), SUM(overdue), SUM(handoffs_in),
                       SUM(lead_seconds), SUM(wait_seconds), SUM(proc_seconds)
                FROM insight_step_daily WHERE service = ? AND on_day BETWEEN ? AND ?
                GROUP BY step, organisation ORDER BY step, organisation""", rs -> {
            long[] c = new long[8];
            for (int i = 0; i < 8; i++) {
                c[i] = rs.getLong(3 + i);
            }
            counts.put(new StepKey(rs.getString(1), rs.getString(2)), c);
        }, service, Date.valueOf(from), Date.valueOf(to));
        Map<String, SortedMap<Integer, Long>> histograms = histograms(service, from, to, false);
        List<StepMetrics> result = new ArrayList<>();
        counts.forEach((key, c) -> result.add(new StepMetrics(service, key.step, key.organisation, c[0], c[1], c[2], c[3],
                c[4], DurationBuckets.durations(histograms.get(histogramKey(key.step, key.organisation, "lead")), c[5]),
                DurationBuckets.durations(histograms.get(histogramKey(key.step, key.organisation, "wait")), c[6]),
                DurationBuckets.durations(histograms.get(histogramKey(key.step, key.organisation, "process")), c[7]))));
        return result;
    }

    @Override
    public CaseMetrics cases(String service, LocalDate from, LocalDate to) {
        SortedMap<Integer, Long> histogram = histograms(service, from, to, true).get(histogramKey("", "", "case"));
        Long handoffs = jdbc.queryForObject("SELECT COALESCE(SUM(handoffs_in), 0) FROM insight_step_daily "
                + "WHERE service = ? AND on_day BETWEEN ? AND ?", Long.class, service, Date.valueOf(from), Date.valueOf(to));
        Durations lead = DurationBuckets.durations(histogram, -1);
        return new CaseMetrics(service, lead.count(), lead, handoffs == null ? 0 : handoffs);
    }

    @Override
    public List<OrganisationWaiting> waiting(String service, LocalDate from, LocalDate to) {
        return waitingOf(steps(service, from, to));
    }

    @Override
    public List<OrganisationWaiting> waiting(List<StepMetrics> steps) {
        return waitingOf(steps);
    }

    static List<OrganisationWaiting> waitingOf(List<StepMetrics> steps) {
        Map<String, long[]> byOrganisation = new LinkedHashMap<>();
        for (StepMetrics s : steps) {
            long[] sums = byOrganisation.computeIfAbsent(s.organisation(), o -> new long[3]);
            sums[0] += s.ended();
            sums[1] += s.waiting().total().getSeconds();
            sums[2] += s.lead().total().getSeconds();
        }
        long all = byOrganisation.values().stream().mapToLong(v -> v[1]).sum();
        List<OrganisationWaiting> result = new ArrayList<>();
        byOrganisation.forEach((organisation, v) -> result.add(new OrganisationWaiting(organisation, v[0],
                Duration.ofSeconds(v[1]), Duration.ofSeconds(v[2]), all == 0 ? 0 : (double) v[1] / all)));
        result.sort(Comparator.comparing(OrganisationWaiting::waiting).reversed());
        return result;
    }

    @Override
    public List<Dependency> dependencies(String service, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT from_step, from_organisation, to_step, to_organisation, SUM(handoffs), SUM(wait_seconds)
                FROM insight_handoff WHERE service = ? AND on_day BETWEEN ? AND ?
                GROUP BY from_step, from_organisation, to_step, to_organisation
                ORDER BY from_organisation, from_step, to_step""", (rs, n) -> {
            String fromOrganisation = rs.getString(2);
            String toOrganisation = rs.getString(4);
            long handoffs = rs.getLong(5);
            return new Dependency(rs.getString(1), fromOrganisation, rs.getString(3), toOrganisation, handoffs,
                    Duration.ofSeconds(handoffs == 0 ? 0 : rs.getLong(6) / handoffs),
                    layer(fromOrganisation, toOrganisation));
        }, service, Date.valueOf(from), Date.valueOf(to));
    }

    /**
     * The layer of a dependency: the applicant's submission starts a step (process); a step of one
     * organisation waits on another organisation's (inter-organisational); or on a step of its own
     * organisation (organisational). The technology layer, the platform carrying each hand-off, is
     * under every edge and shown with the deliveries.
     */
    static String layer(String fromOrganisation, String toOrganisation) {
        if (EventRollup.APPLICANT.equals(fromOrganisation)) {
            return "process";
        }
        return fromOrganisation.equals(toOrganisation) ? "organisational" : "inter-organisational";
    }

    private static String histogramKey(String step, String organisation, String measure) {
        return step + "|" + organisation + "|" + measure;
    }

    /** The histograms of the months the range touches (they are kept per month), of case or of step measures. */
    private Map<String, SortedMap<Integer, Long>> histograms(String service, LocalDate from, LocalDate to, boolean ofCases) {
        Map<String, SortedMap<Integer, Long>> histograms = new HashMap<>();
        jdbc.query("""
                SELECT step, organisation, measure, bucket, SUM(cases) FROM insight_duration
                WHERE service = ? AND measure %s 'case' AND on_day BETWEEN ? AND ?
                GROUP BY step, organisation, measure, bucket""".formatted(ofCases ? "=" : "<>"), rs -> {
            histograms.computeIfAbsent(histogramKey(rs.getString(1), rs.getString(2), rs.getString(3)), k -> new TreeMap<>())
                    .merge(rs.getInt(4), rs.getLong(5), Long::sum);
        }, service, Date.valueOf(Granularity.MONTH.start(from)), Date.valueOf(to));
        return histograms;
    }
}
