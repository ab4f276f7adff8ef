package org.onestop.insight.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.onestop.insight.Durations;
import org.onestop.insight.GovernanceFit;
import org.onestop.insight.Granularity;
import org.onestop.insight.ModePerformance;
import org.onestop.insight.PartnerScorecard;
import org.onestop.insight.Scorecards;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.onestop.network.GovernanceMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Scorecards from the step roll-ups: each row (service, step, organisation, day) belongs to the
 * agreement under which the organisation did that step on that day.
 */
@Service
class JdbcScorecards implements Scorecards {

    private final JdbcTemplate jdbc;
    private final Agreements agreements;
    private final PlatformCost platform;

    JdbcScorecards(JdbcTemplate jdbc, Agreements agreements, PlatformCost platform) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.platform = platform;
    }

    /** Sums of one agreement: volume, within SLA, completed, reworked, per month, and its lead-time histogram. */
    private static final class Tally {
        final Map<LocalDate, long[]> months = new TreeMap<>();
        final SortedMap<Integer, Long> lead = new TreeMap<>();
        long[] total = new long[4];
    }

    private Map<String, Tally> tallies(List<Agreement> all, LocalDate from, LocalDate to) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        all.forEach(a -> tallies.put(a.code(), new Tally()));
        jdbc.query("""
                SELECT service, step, organisation, on_day, SUM(ended), SUM(overdue), SUM(completed), SUM(reworked)
                FROM insight_step_daily WHERE on_day BETWEEN ? AND ? GROUP BY service, step, organisation, on_day""", rs -> {
            LocalDate day = rs.getDate(4).toLocalDate();
            Agreement agreement = agreementFor(all, rs.getString(1), rs.getString(2), rs.getString(3), day);
            if (agreement == null) {
                return;
            }
            long ended = rs.getLong(5);
            long[] row = {ended, ended - rs.getLong(6), rs.getLong(7), rs.getLong(8)};
            Tally tally = tallies.get(agreement.code());
            long[] month = tally.months.computeIfAbsent(Granularity.MONTH.start(day), m -> new long[4]);
            for (int i = 0; i < 4; i++) {
                month[i] += row[i];
                tally.total[i] += row[i];
            }
        }, Date.valueOf(from), Date.valueOf(to));
        jdbc.query("""
                SELECT service, step, organisation, bucket, SUM(cases) FROM insight_duration
                WHERE measure = 'lead' AND on_day BETWEEN ? AND ? GROUP BY service, step, organisation, bucket""", rs -> {
            Agreement agreement = agreementFor(all, rs.getString(1), rs.getString(2), rs.getString(3), to);
            if (agreement != null) {
                tallies.get(agreement.code()).lead.merge(rs.getInt(4), rs.getLong(5), Long::sum);
            }
        }, Date.valueOf(Granularity.MONTH.start(from)), Date.valueOf(to));
        return tallies;
    }

    /** The agreement valid on the day, or else any covering the step (a step done outside validity still counts against it). */
    static Agreement agreementFor(List<Agreement> all, String service, String step, String organisation, LocalDate day) {
        Agreement fallback = null;
        for (Agreement a : all) {
            if (a.organisation().equals(organisation) && a.covers(service, step)) {
                if (a.validOn(day)) {
                    return a;
                }
                fallback = fallback == null ? a : fallback;
            }
        }
        return fallback;
    }

    @Override
    public List<PartnerScorecard> partners(LocalDate from, LocalDate to) {
        List<Agreement> all = agreements.all();
        Map<String, Tally> tallies = tallies(all, from, to);
        List<PartnerScorecard> result = new ArrayList<>();
        for (Agreement a : all) {
            Tally t = tallies.get(a.code());
            List<PartnerScorecard.Point> trend = new ArrayList<>();
            t.months.forEach((month, c) -> trend.add(new PartnerScorecard.Point(Granularity.MONTH.label(month), c[0], c[1],
                    c[2], c[3])));
            result.add(new PartnerScorecard(a.code(), a.organisation(), a.service(), TransactionCosts.label(a.governance()),
                    t.total[0], t.total[1], t.total[2], t.total[3], cost(a, t.total[0]),
                    a.costPerCase() == null ? platform.currency() : a.costPerCase().currency(),
                    DurationBuckets.durations(t.lead, -1), trend));
        }
        return result;
    }

    private static BigDecimal cost(Agreement a, long volume) {
        return a.costPerCase() == null ? BigDecimal.ZERO : a.costPerCase().amount().multiply(BigDecimal.valueOf(volume));
    }

    @Override
    public List<GovernanceFit> alignment() {
        return agreements.all().stream().map(TransactionCosts::fit).toList();
    }

    @Override
    public List<ModePerformance> byMode(LocalDate from, LocalDate to) {
        List<Agreement> all = agreements.all();
        Map<String, Tally> tallies = tallies(all, from, to);
        Map<GovernanceMode, List<Agreement>> byMode = new HashMap<>();
        all.forEach(a -> byMode.computeIfAbsent(a.governance(), m -> new ArrayList<>()).add(a));
        List<ModePerformance> result = new ArrayList<>();
        for (GovernanceMode mode : GovernanceMode.values()) {
            List<Agreement> under = byMode.getOrDefault(mode, List.of());
            long[] sums = new long[4];
            BigDecimal cost = BigDecimal.ZERO;
            SortedMap<Integer, Long> lead = new TreeMap<>();
            int misaligned = 0;
            for (Agreement a : under) {
                Tally t = tallies.get(a.code());
                for (int i = 0; i < 4; i++) {
                    sums[i] += t.total[i];
                }
                cost = cost.add(cost(a, t.total[0]));
                t.lead.forEach((bucket, count) -> lead.merge(bucket, count, Long::sum));
                misaligned += TransactionCosts.fit(a).aligned() ? 0 : 1;
            }
            Durations leads = DurationBuckets.durations(lead, -1);
            result.add(new ModePerformance(TransactionCosts.label(mode), under.size(), misaligned, sums[0], sums[1], sums[2],
                    sums[3], cost, leads));
        }
        result.sort(Comparator.comparing(ModePerformance::governance));
        return result;
    }
}
