package org.onestop.insight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onestop.insight.CaseMetrics;
import org.onestop.insight.Granularity;
import org.onestop.insight.IndicatorReading;
import org.onestop.insight.Performance;
import org.onestop.insight.PublicValue;
import org.onestop.insight.PublicValueIndicator;
import org.onestop.insight.Segment;
import org.onestop.insight.ServiceKpis;
import org.onestop.insight.StepMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Indicators kept in insight_indicator and measured month by month through {@link Performance}. */
@Service
class JdbcPublicValue implements PublicValue {

    private static final double NO_CHANGE = 1e-9;

    private final JdbcTemplate jdbc;
    private final Performance performance;

    JdbcPublicValue(JdbcTemplate jdbc, Performance performance) {
        this.jdbc = jdbc;
        this.performance = performance;
    }

    @Override
    public List<PublicValueIndicator> indicators() {
        return jdbc.query("SELECT * FROM insight_indicator ORDER BY position", (rs, n) -> new PublicValueIndicator(
                rs.getString("code"), rs.getString("name"), rs.getString("stakeholder"), rs.getString("dimension"),
                rs.getString("service"), rs.getString("metric"), rs.getString("better"),
                (Double) rs.getObject("baseline", Double.class), (Double) rs.getObject("target", Double.class),
                new Segment(rs.getString("segment_channel"), rs.getString("segment_principal"),
                        rs.getString("segment_representation"))));
    }

    @Override
    @Transactional
    public void declare(List<PublicValueIndicator> indicators) {
        jdbc.update("DELETE FROM insight_indicator");
        int position = 0;
        for (PublicValueIndicator i : indicators) {
            Segment segment = Segment.orAll(i.segment());
            jdbc.update("INSERT INTO insight_indicator (code, position, name, stakeholder, dimension, service, metric, better, "
                    + "baseline, target, segment_channel, segment_principal, segment_representation) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", i.code(), position++, i.name(),
                    i.stakeholder(), i.dimension(), i.service(), i.metric(), i.higherIsBetter() ? "higher" : "lower",
                    i.baseline(), i.target(), segment.channel(), segment.principal(), segment.representation());
        }
    }

    @Override
    public List<IndicatorReading> read(LocalDate from, LocalDate to) {
        Map<String, Map<String, Double>> byService = new HashMap<>();
        List<IndicatorReading> readings = new ArrayList<>();
        for (PublicValueIndicator indicator : indicators()) {
            List<IndicatorReading.Point> points = new ArrayList<>();
            for (LocalDate month = Granularity.MONTH.start(from); !month.isAfter(to); month = month.plusMonths(1)) {
                LocalDate end = month.plusMonths(1).minusDays(1).isAfter(to) ? to : month.plusMonths(1).minusDays(1);
                LocalDate start = month;
                LocalDate last = end;
                Segment segment = Segment.orAll(indicator.segment());
                Map<String, Double> values = byService.computeIfAbsent(indicator.service() + "|" + segment + "|" + month,
                        k -> segment.all() ? measures(indicator.service(), start, last)
                                : segmentMeasures(indicator.service(), start, last, segment));
                points.add(new IndicatorReading.Point(Granularity.MONTH.label(month), values.get(indicator.metric())));
            }
            readings.add(reading(indicator, points));
        }
        return readings;
    }

    /** The status of an indicator from its measured values; exposed for tests of the rules. */
    static IndicatorReading reading(PublicValueIndicator indicator, List<IndicatorReading.Point> points) {
        List<Double> measured = points.stream().map(IndicatorReading.Point::value).filter(v -> v != null).toList();
        Double latest = measured.isEmpty() ? null : measured.get(measured.size() - 1);
        if (latest == null) {
            return new IndicatorReading(indicator, points, null, "not measured", false);
        }
        double sign = indicator.higherIsBetter() ? 1 : -1;
        String status;
        boolean worse = false;
        if (indicator.target() != null && sign * (latest - indicator.target()) >= -NO_CHANGE) {
            status = "target met";
        } else if (indicator.baseline() == null) {
            status = "no baseline";
        } else if (sign * (latest - indicator.baseline()) > NO_CHANGE) {
            status = "improving";
        } else if (sign * (latest - indicator.baseline()) < -NO_CHANGE) {
            status = "worse than baseline";
            worse = true;
        } else {
            status = "no change";
        }
        boolean falling = measured.size() >= 3
                && sign * (measured.get(measured.size() - 1) - measured.get(measured.size() - 2)) < -NO_CHANGE
                && sign * (measured.get(measured.size() - 2) - measured.get(measured.size() - 3)) < -NO_CHANGE;
        return new IndicatorReading(indicator, points, latest, status, worse || falling);
    }

    /**
     * The metrics of one segment, from the daily counts of that segment only. Metrics the segment
     * cannot be measured for (see {@link PublicValueIndicator#BY_CHANNEL} and
     * {@link PublicValueIndicator#BY_APPLICANT}) are left out, so they read as not measured.
     */
    private Map<String, Double> segmentMeasures(String service, LocalDate from, LocalDate to, Segment segment) {
        Map<String, Double> values = new HashMap<>();
        performance.kpis(service, from, to, Granularity.MONTH, segment).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).findFirst()
                .ifPresent(k -> kpiMeasures(k, values));
        if (segment.channel() != null) {
            values.remove("digital-takeup");
            values.remove("paper-share");
        }
        if (segment.byApplicant()) {
            values.remove("completion-rate");
            values.remove("cost-per-transaction");
        }
        return values;
    }

    private static void kpiMeasures(ServiceKpis k, Map<String, Double> values) {
        values.put("completion-rate", k.completionRate());
        values.put("digital-takeup", k.digitalTakeUp());
        values.put("cost-per-transaction", k.costPerTransaction() == null ? null : k.costPerTransaction().doubleValue());
        values.put("user-satisfaction", k.userSatisfaction());
        long ended = k.completed() + k.withdrawn();
        values.put("withdrawn-share", ended == 0 ? null : (double) k.withdrawn() / ended);
        values.put("rejected-share", k.completed() == 0 ? null : (double) k.rejected() / k.completed());
        values.put("paper-share", k.digitalTakeUp() == null ? null : 1 - k.digitalTakeUp());
        values.put("complaints-per-1000-cases", k.complaintsPerThousand());
        values.put("appeals-per-1000-cases", k.appealsPerThousand());
        values.put("complaints-and-appeals-per-1000-cases", k.complaintsAndAppealsPerThousand());
        values.put("prefilled-share", k.prefilledShare());
        values.put("status-updated-share", k.statusUpdatedShare());
    }

    private Map<String, Double> measures(String service, LocalDate from, LocalDate to) {
        Map<String, Double> values = new HashMap<>();
        performance.kpis(service, from, to, Granularity.MONTH).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).findFirst()
                .ifPresent(k -> kpiMeasures(k, values));
        CaseMetrics cases = performance.cases(service, from, to);
        values.put("case-lead-time-days", cases.lead().p50() == null ? null : cases.lead().p50().toSeconds() / 86_400.0);
        values.put("handoffs-per-case", cases.handoffsPerCase());
        long completed = 0;
        long reworked = 0;
        long ended = 0;
        long overdue = 0;
        for (StepMetrics s : performance.steps(service, from, to)) {
            completed += s.completed();
            reworked += s.reworked();
            ended += s.ended();
            overdue += s.overdue();
        }
        values.put("first-time-right", completed == 0 ? null : (double) (completed - reworked) / completed);
        values.put("overdue-share", ended == 0 ? null : (double) overdue / ended);
        return values;
    }
}
