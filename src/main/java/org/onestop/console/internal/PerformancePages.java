package org.onestop.console.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

import jakarta.servlet.http.HttpServletResponse;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffRole;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.insight.CaseMetrics;
import org.onestop.insight.Dependency;
import org.onestop.insight.Granularity;
import org.onestop.insight.IndicatorReading;
import org.onestop.insight.ModePerformance;
import org.onestop.insight.PublicValue;
import org.onestop.insight.PublicValueIndicator;
import org.onestop.insight.OcelExport;
import org.onestop.insight.OrganisationWaiting;
import org.onestop.insight.PartnerScorecard;
import org.onestop.insight.Performance;
import org.onestop.insight.Scorecards;
import org.onestop.insight.ServiceKpis;
import org.onestop.insight.StepMetrics;
import org.onestop.insight.TakeUpGoal;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Dashboards of the network's performance: service KPIs, process metrics with the
 * interdependency map, and partner scorecards with governance alignment. Every chart has its
 * table next to it and a CSV download.
 */
@Controller
final class PerformancePages {

    private static final int MAX_MONTHS = 60;
    private static final double TAKE_UP_GOAL = 0.9;

    private final Performance performance;
    private final Scorecards scorecards;
    private final OcelExport ocel;
    private final PublicValue publicValue;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Clock clock;

    PerformancePages(Performance performance, Scorecards scorecards, OcelExport ocel, PublicValue publicValue,
            Catalog catalog, Organisations organisations, Clock clock) {
        this.ocel = ocel;
        this.publicValue = publicValue;
        this.performance = performance;
        this.scorecards = scorecards;
        this.catalog = catalog;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Managers and auditors watch the network's performance; operators see their own work in the inbox. */
    static boolean allowed() {
        return CurrentCaller.staffMember()
                .map(member -> member.role() == StaffRole.MANAGER || member.role() == StaffRole.AUDITOR).orElse(false);
    }

    /** The months shown: the current one and the months before it. */
    record Range(LocalDate from, LocalDate to, int months) {
    }

    private Range range(int months) {
        if (!allowed()) {
            throw new NotFound("No such page");
        }
        int shown = Math.max(1, Math.min(MAX_MONTHS, months));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new Range(today.withDayOfMonth(1).minusMonths(shown - 1), today, shown);
    }

    private String service(String requested, Model model) {
        List<Service> services = catalog.latestOfEach();
        model.addAttribute("services", services);
        if (requested == null || requested.isBlank()) {
            return services.isEmpty() ? null : services.get(0).code();
        }
        if (services.stream().noneMatch(s -> s.code().equals(requested))) {
            throw new NotFound("No service " + requested);
        }
        return requested;
    }

    static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.UK, "%.1f%%", share * 100);
    }

    static String money(BigDecimal amount, String currency) {
        return amount == null ? "–" : ("EUR".equals(currency) ? "€" : currency + " ") + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String hours(Duration duration) {
        return duration == null ? "–" : String.format(Locale.UK, "%.1f h", duration.toSeconds() / 3600.0);
    }

    private static final DoubleFunction<String> PERCENT = v -> String.format(Locale.UK, "%.0f%%", v * 100);
    private static final DoubleFunction<String> COUNT = v -> String.format(Locale.UK, "%,.0f", v);
    private static final DoubleFunction<String> HOURS = v -> String.format(Locale.UK, "%.0f h", v);

    @GetMapping("/console/performance")
    String kpis(@RequestParam(required = false) String service, @RequestParam(defaultValue = "12") int months, Model model) {
        String code = service(service, model);
        Range range = range(months);
        model.addAttribute("range", range);
        model.addAttribute("service", code);
        model.addAttribute("pages", this);
        if (code == null) {
            return "console/performance/kpis";
        }
        List<ServiceKpis> rows = performance.kpis(code, range.from(), range.to(), Granularity.MONTH);
        List<ServiceKpis> totals = rows.stream().filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).toList();
        model.addAttribute("totals", totals);
        List<String> labels = totals.stream().map(ServiceKpis::period).toList();
        model.addAttribute("volumeChart", Charts.lines("volume", "Started and completed transactions per month",
                "Line chart of started and completed transactions per month; the table below has the same numbers.", labels,
                List.of(new Charts.Series("Started", Charts.BLUE, totals.stream().map(k -> (double) k.started()).toList()),
                        new Charts.Series("Completed", Charts.GREEN, totals.stream().map(k -> (double) k.completed()).toList())),
                null, COUNT));
        model.addAttribute("rateChart", Charts.lines("rates", "Completion rate, digital take-up and user satisfaction",
                "Line chart of three shares per month between 0 and 100 percent; the table below has the same numbers.", labels,
                List.of(new Charts.Series("Completion rate", Charts.BLUE, totals.stream().map(ServiceKpis::completionRate).toList()),
                        new Charts.Series("Digital take-up", Charts.GREEN, totals.stream().map(ServiceKpis::digitalTakeUp).toList()),
                        new Charts.Series("User satisfaction", Charts.ORANGE, totals.stream().map(ServiceKpis::userSatisfaction).toList())),
                1.0, PERCENT));
        // the whole range, per channel
        Map<String, ServiceKpis> byChannel = new LinkedHashMap<>();
        rows.forEach(k -> byChannel.merge(k.channel(), k, PerformancePages::sum));
        model.addAttribute("channels", new ArrayList<>(byChannel.values()));
        ServiceKpis all = byChannel.get(ServiceKpis.ALL_CHANNELS);
        model.addAttribute("all", all);
        if (all != null) {
            model.addAttribute("funnelChart", Charts.bars("funnel", "From start to outcome",
                    "Bar chart: transactions started, completed with an approval, completed with a rejection, and withdrawn.",
                    List.of("Started", "Completed, approved", "Completed, rejected", "Withdrawn"),
                    List.of((double) all.started(), (double) (all.completed() - all.rejected()), (double) all.rejected(),
                            (double) all.withdrawn()), Charts.BLUE, COUNT));
            model.addAttribute("satisfactionChart", Charts.bars("satisfaction", "Answers to “How satisfied were you?”",
                    "Bar chart of the number of answers per level, from very satisfied to very dissatisfied.",
                    List.of("Very satisfied", "Satisfied", "Neither", "Dissatisfied", "Very dissatisfied"),
                    List.of((double) all.satisfaction().get(4), (double) all.satisfaction().get(3),
                            (double) all.satisfaction().get(2), (double) all.satisfaction().get(1),
                            (double) all.satisfaction().get(0)), Charts.ORANGE, COUNT));
            BigDecimal digital = costOf(byChannel, true);
            BigDecimal offline = costOf(byChannel, false);
            model.addAttribute("takeUpGoal", percent(TAKE_UP_GOAL));
            model.addAttribute("digitalCost", digital);
            model.addAttribute("offlineCost", offline);
            model.addAttribute("costAtGoal", digital == null || offline == null ? null
                    : TakeUpGoal.costPerTransaction(TAKE_UP_GOAL, digital, offline));
        }
        return "console/performance/kpis";
    }

    /** Cost per transaction of the digital (or the other) channels together. */
    private static BigDecimal costOf(Map<String, ServiceKpis> byChannel, boolean digital) {
        BigDecimal cost = BigDecimal.ZERO;
        long completed = 0;
        for (ServiceKpis k : byChannel.values()) {
            if (!k.channel().equals(ServiceKpis.ALL_CHANNELS) && k.digitalChannel() == digital) {
                cost = cost.add(k.cost());
                completed += k.completed();
            }
        }
        return completed == 0 ? null : cost.divide(BigDecimal.valueOf(completed), 2, java.math.RoundingMode.HALF_UP);
    }

    private static ServiceKpis sum(ServiceKpis a, ServiceKpis b) {
        List<Long> satisfaction = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            satisfaction.add(a.satisfaction().get(i) + b.satisfaction().get(i));
        }
        return new ServiceKpis(a.service(), a.periodStart(), "whole range", a.channel(), a.started() + b.started(),
                a.completed() + b.completed(), a.rejected() + b.rejected(), a.withdrawn() + b.withdrawn(),
                a.digitalCompleted() + b.digitalCompleted(), a.cost().add(b.cost()), a.currency(), satisfaction,
                a.submitted() + b.submitted(), a.complaints() + b.complaints(), a.appeals() + b.appeals(),
                a.prefilled() + b.prefilled(), a.milestoneCases() + b.milestoneCases(), a.updatedCases() + b.updatedCases());
    }

    @GetMapping("/console/performance/process")
    String process(@RequestParam(required = false) String service, @RequestParam(defaultValue = "12") int months,
            Model model) {
        String code = service(service, model);
        Range range = range(months);
        model.addAttribute("range", range);
        model.addAttribute("service", code);
        model.addAttribute("pages", this);
        if (code == null) {
            return "console/performance/process";
        }
        List<StepMetrics> steps = performance.steps(code, range.from(), range.to());
        CaseMetrics cases = performance.cases(code, range.from(), range.to());
        List<OrganisationWaiting> waiting = performance.waiting(steps);
        List<Dependency> dependencies = performance.dependencies(code, range.from(), range.to());
        Map<String, String> names = names();
        model.addAttribute("steps", steps);
        model.addAttribute("cases", cases);
        model.addAttribute("waiting", waiting);
        model.addAttribute("dependencies", dependencies);
        model.addAttribute("names", names);
        model.addAttribute("waitingChart", Charts.bars("waiting", "Waiting time attributable to each organisation",
                "Bar chart of the hours cases waited on each organisation before it took the work up.",
                waiting.stream().map(w -> names.getOrDefault(w.organisation(), w.organisation())).toList(),
                waiting.stream().map(w -> w.waiting().toSeconds() / 3600.0).toList(), Charts.RED, HOURS));
        model.addAttribute("leadChart", Charts.bars("lead", "Lead time per step (median)",
                "Bar chart of the median hours from ready to ended for each step and organisation.",
                steps.stream().map(s -> s.step() + " (" + names.getOrDefault(s.organisation(), s.organisation()) + ")").toList(),
                steps.stream().map(s -> s.lead().p50() == null ? null : s.lead().p50().toSeconds() / 3600.0).toList(),
                Charts.BLUE, HOURS));
        model.addAttribute("mapChart", Charts.map("map", "Who waits on whom",
                "Organisations as boxes; an arrow runs from the organisation whose step another waits on to the waiting one, "
                        + "labelled with the number of hand-offs and the mean waiting time. The table below lists every dependency.",
                dependencies, names));
        return "console/performance/process";
    }

    @GetMapping("/console/performance/partners")
    String partners(@RequestParam(defaultValue = "12") int months, Model model) {
        Range range = range(months);
        model.addAttribute("range", range);
        model.addAttribute("pages", this);
        List<PartnerScorecard> cards = scorecards.partners(range.from(), range.to());
        List<ModePerformance> modes = scorecards.byMode(range.from(), range.to());
        model.addAttribute("scorecards", cards);
        model.addAttribute("fits", scorecards.alignment());
        model.addAttribute("modes", modes);
        model.addAttribute("names", names());
        List<String> labels = cards.stream().flatMap(c -> c.trend().stream()).map(PartnerScorecard.Point::period).distinct()
                .sorted().toList();
        List<Charts.Series> series = new ArrayList<>();
        String[] colours = {Charts.BLUE, Charts.GREEN, Charts.ORANGE, Charts.RED, Charts.GREY, "#4c2c92"};
        for (int i = 0; i < cards.size(); i++) {
            PartnerScorecard card = cards.get(i);
            Map<String, Double> byPeriod = new LinkedHashMap<>();
            card.trend().forEach(p -> byPeriod.put(p.period(), p.slaCompliance()));
            series.add(new Charts.Series(card.agreement(), colours[i % colours.length],
                    labels.stream().map(byPeriod::get).toList()));
        }
        model.addAttribute("slaChart", Charts.lines("sla", "SLA compliance per agreement and month",
                "Line chart of the share of steps ended within the agreement's SLA, one line per agreement; "
                        + "the table below has the same numbers.", labels, series, 1.0, PERCENT));
        model.addAttribute("modeChart", Charts.bars("modes", "SLA compliance by governance mode",
                "Bar chart of the share of steps within SLA for in-house, partnership and contract agreements.",
                modes.stream().map(ModePerformance::governance).toList(),
                modes.stream().map(ModePerformance::slaCompliance).toList(), Charts.GREEN, PERCENT));
        return "console/performance/partners";
    }

    @GetMapping("/console/performance/public-value")
    String publicValue(@RequestParam(defaultValue = "12") int months, Model model) {
        Range range = range(months);
        model.addAttribute("range", range);
        model.addAttribute("pages", this);
        List<IndicatorReading> readings = publicValue.read(range.from(), range.to());
        model.addAttribute("readings", readings);
        Map<String, String> charts = new LinkedHashMap<>();
        for (IndicatorReading r : readings) {
            PublicValueIndicator i = r.indicator();
            List<Double> targets = r.values().stream().map(p -> i.target()).toList();
            List<Double> baselines = r.values().stream().map(p -> i.baseline()).toList();
            boolean share = isShare(i.metric());
            Double top = share ? Double.valueOf(1.0) : null;
            charts.put(i.code(), Charts.lines("pv-" + i.code(), i.name(),
                    "Line chart of the measured value per month, with the baseline and the target as flat lines; "
                            + "the table below the chart has the same numbers.",
                    r.values().stream().map(IndicatorReading.Point::period).toList(),
                    List.of(new Charts.Series("Measured", r.wrongWay() ? Charts.RED : Charts.BLUE,
                                    r.values().stream().map(IndicatorReading.Point::value).toList()),
                            new Charts.Series("Baseline", Charts.GREY, baselines),
                            new Charts.Series("Target", Charts.GREEN, targets)),
                    top, share ? PERCENT : v -> String.format(Locale.UK, "%.1f", v)));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("canEdit", PublicValuePages.allowed());
        return "console/performance/public-value";
    }

    private static boolean isShare(String metric) {
        return metric.endsWith("-rate") || metric.endsWith("-share") || metric.equals("digital-takeup")
                || metric.equals("user-satisfaction") || metric.equals("first-time-right");
    }

    /** An indicator's value in its unit: shares as percentages, cost in euros, lead time in days. */
    public String indicatorValue(String metric, Double value) {
        if (value == null) {
            return "–";
        }
        if (isShare(metric)) {
            return percent(value);
        }
        if (metric.equals("cost-per-transaction")) {
            return money(BigDecimal.valueOf(value), "EUR");
        }
        if (metric.equals("case-lead-time-days")) {
            return String.format(Locale.UK, "%.1f days", value);
        }
        if (metric.endsWith("-per-1000-cases")) {
            return String.format(Locale.UK, "%.1f per 1,000", value);
        }
        return String.format(Locale.UK, "%.2f", value);
    }

    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Organisation organisation : organisations.all()) {
            names.put(organisation.code(), organisation.name());
        }
        names.put("applicant", "Applicant");
        return names;
    }

    /**
     * The KPIs in the shape of the former GOV.UK performance data: one row per period, channel and
     * measure, {@code _timestamp,service,channel,count,dataType,period}.
     */
    @GetMapping(value = "/console/performance/kpis.csv", produces = "text/csv")
    void kpisCsv(@RequestParam(required = false) String service, @RequestParam(defaultValue = "12") int months,
            @RequestParam(defaultValue = "month") String period, Model model, HttpServletResponse response) throws IOException {
        String code = service(service, model);
        Range range = range(months);
        Granularity granularity = "week".equals(period) ? Granularity.WEEK : "day".equals(period) ? Granularity.DAY
                : Granularity.MONTH;
        csv(response, (code == null ? "kpis" : code) + ".csv");
        Writer out = response.getWriter();
        out.write("_timestamp,service,channel,count,dataType,period\n");
        if (code == null) {
            return;
        }
        String periodName = granularity.name().toLowerCase(Locale.ROOT);
        for (ServiceKpis k : performance.kpis(code, range.from(), range.to(), granularity)) {
            String prefix = k.periodStart() + "T00:00:00Z," + code + "," + k.channel() + ",";
            row(out, prefix, k.started(), "started", periodName);
            row(out, prefix, k.completed(), "completed", periodName);
            row(out, prefix, k.rejected(), "rejected", periodName);
            row(out, prefix, k.withdrawn(), "withdrawn", periodName);
            row(out, prefix, k.completionRate(), "completion-rate", periodName);
            row(out, prefix, k.digitalTakeUp(), "digital-takeup", periodName);
            row(out, prefix, k.costPerTransaction(), "cost-per-transaction", periodName);
            row(out, prefix, k.userSatisfaction(), "user-satisfaction", periodName);
            row(out, prefix, k.prefilledShare(), "prefilled-share", periodName);
            row(out, prefix, k.statusUpdatedShare(), "status-updated-share", periodName);
            for (int level = 1; level <= 5; level++) {
                row(out, prefix, k.satisfaction().get(level - 1), "satisfaction-" + level, periodName);
            }
        }
    }

    private static void row(Writer out, String prefix, Object count, String dataType, String period) throws IOException {
        if (count != null) {
            String value = count instanceof Double ? String.format(Locale.ROOT, "%.4f", (Double) count) : count.toString();
            out.write(prefix + value + "," + dataType + "," + period + "\n");
        }
    }

    @GetMapping(value = "/console/performance/steps.csv", produces = "text/csv")
    void stepsCsv(@RequestParam(required = false) String service, @RequestParam(defaultValue = "12") int months, Model model,
            HttpServletResponse response) throws IOException {
        String code = service(service, model);
        Range range = range(months);
        csv(response, "steps.csv");
        Writer out = response.getWriter();
        out.write("service,step,organisation,ended,completed,reworked,first_time_right,overdue_share,handoffs_in,"
                + "lead_p50_hours,lead_p90_hours,waiting_p50_hours,waiting_total_hours,processing_p50_hours\n");
        if (code == null) {
            return;
        }
        for (StepMetrics s : performance.steps(code, range.from(), range.to())) {
            out.write(String.join(",", code, s.step(), s.organisation(), "" + s.ended(), "" + s.completed(), "" + s.reworked(),
                    share(s.firstTimeRight()), share(s.overdueShare()), "" + s.handoffsIn(), hoursCsv(s.lead().p50()),
                    hoursCsv(s.lead().p90()), hoursCsv(s.waiting().p50()), hoursCsv(s.waiting().total()),
                    hoursCsv(s.processing().p50())) + "\n");
        }
    }

    @GetMapping(value = "/console/performance/dependencies.csv", produces = "text/csv")
    void dependenciesCsv(@RequestParam(required = false) String service, @RequestParam(defaultValue = "12") int months,
            Model model, HttpServletResponse response) throws IOException {
        String code = service(service, model);
        Range range = range(months);
        csv(response, "dependencies.csv");
        Writer out = response.getWriter();
        out.write("service,from_step,from_organisation,to_step,to_organisation,layer,handoffs,mean_waiting_hours\n");
        if (code == null) {
            return;
        }
        for (Dependency d : performance.dependencies(code, range.from(), range.to())) {
            out.write(String.join(",", code, d.fromStep(), d.fromOrganisation(), d.toStep(), d.toOrganisation(), d.layer(),
                    "" + d.handoffs(), hoursCsv(d.waiting())) + "\n");
        }
    }

    @GetMapping(value = "/console/performance/partners.csv", produces = "text/csv")
    void partnersCsv(@RequestParam(defaultValue = "12") int months, HttpServletResponse response) throws IOException {
        Range range = range(months);
        csv(response, "partners.csv");
        Writer out = response.getWriter();
        out.write("agreement,organisation,service,governance,period,volume,within_sla,sla_compliance,completed,reworked,"
                + "first_time_right\n");
        for (PartnerScorecard card : scorecards.partners(range.from(), range.to())) {
            for (PartnerScorecard.Point p : card.trend()) {
                out.write(String.join(",", card.agreement(), card.organisation(), card.service(), card.governance(), p.period(),
                        "" + p.volume(), "" + p.withinSla(), share(p.slaCompliance()), "" + p.completed(), "" + p.reworked(),
                        share(p.firstTimeRight())) + "\n");
            }
        }
    }

    /** The whole event log as OCEL 2.0 JSON, streamed, for process mining tools. */
    @GetMapping(value = "/console/performance/ocel.json")
    void ocel(HttpServletResponse response) throws IOException {
        range(1);
        response.setContentType("application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"onestop.jsonocel\"");
        ocel.write(response.getOutputStream());
    }

    @GetMapping(value = "/console/performance/ocel.sqlite")
    void ocelSqlite(HttpServletResponse response) throws IOException {
        range(1);
        response.setContentType("application/vnd.sqlite3");
        response.setHeader("Content-Disposition", "attachment; filename=\"onestop.sqlite\"");
        ocel.writeSqlite(response.getOutputStream());
    }

    private static void csv(HttpServletResponse response, String file) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    private static String share(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.4f", share);
    }

    private static String hoursCsv(Duration duration) {
        return duration == null ? "" : String.format(Locale.ROOT, "%.2f", duration.toSeconds() / 3600.0);
    }

    // helpers for the templates

    public String showPercent(Double share) {
        return percent(share);
    }

    public String showMoney(BigDecimal amount, String currency) {
        return money(amount, currency);
    }

    public String showHours(Duration duration) {
        return hours(duration);
    }

    public String channelName(String channel) {
        switch (channel) {
            case "all":
                return "All channels";
            case "portal":
                return "Portal";
            case "api":
                return "API";
            case "bulk":
                return "Bulk upload";
            case "assisted":
                return "Assisted digital";
            case "paper":
                return "Paper";
            default:
                return channel;
        }
    }
}
