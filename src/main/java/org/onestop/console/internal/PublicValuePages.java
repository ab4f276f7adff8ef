package org.onestop.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffMember;
import org.onestop.access.StaffRole;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.insight.PublicValue;
import org.onestop.insight.PublicValueIndicator;
import org.onestop.insight.Segment;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.NotFound;
import org.onestop.platform.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Managers change the public value scorecard in the console: an indicator's baseline, target and
 * direction, or a new indicator bound to a known metric, or one removed. Every change goes through
 * the rules of a definition import ({@link NetworkDefinitions#changePublicValue}), is recorded in the
 * event log, and is in the next export of the network definition.
 */
@Controller
final class PublicValuePages {

    static final String BASE = "/console/performance/public-value";
    private static final int MAX_TEXT = 200;
    static final List<String> STAKEHOLDERS = List.of("applicants", "agencies", "partners", "society");
    static final List<String> CHANNELS = List.of("portal", "api", "bulk", "assisted", "paper");

    private final PublicValue publicValue;
    private final NetworkDefinitions definitions;
    private final Catalog catalog;

    PublicValuePages(PublicValue publicValue, NetworkDefinitions definitions, Catalog catalog) {
        this.publicValue = publicValue;
        this.definitions = definitions;
        this.catalog = catalog;
    }

    static boolean allowed() {
        return CurrentCaller.staffMember().map(member -> member.role() == StaffRole.MANAGER).orElse(false);
    }

    private static StaffMember manager() {
        return CurrentCaller.staffMember().filter(member -> member.role() == StaffRole.MANAGER)
                .orElseThrow(() -> new NotFound("No such page"));
    }

    /** What the form holds, as typed. */
    record Answers(String code, String name, String stakeholder, String dimension, String service, String metric,
            String better, String baseline, String target, String channel, String principal, String representation) {

        static Answers of(PublicValueIndicator i) {
            Segment s = Segment.orAll(i.segment());
            return new Answers(i.code(), i.name(), i.stakeholder(), i.dimension(), i.service(), i.metric(),
                    i.higherIsBetter() ? "higher" : "lower", number(i.baseline()), number(i.target()), blank(s.channel()),
                    blank(s.principal()), blank(s.representation()));
        }

        private static String number(Double value) {
            return value == null ? "" : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        private static String blank(String value) {
            return value == null ? "" : value;
        }
    }

    @GetMapping(BASE + "/indicators/new")
    String addForm(Model model) {
        manager();
        return form(null, new Answers("", "", "", "", "", "", "higher", "", "", "", "", ""), Map.of(), model);
    }

    @GetMapping(BASE + "/indicators/{code}")
    String changeForm(@PathVariable String code, Model model) {
        manager();
        return form(code, Answers.of(existing(code)), Map.of(), model);
    }

    @PostMapping(BASE + "/indicators")
    String add(@RequestParam Map<String, String> form, Model model) {
        StaffMember manager = manager();
        Answers answers = answers(form, text(form, "code"));
        Map<String, String> errors = new LinkedHashMap<>();
        PublicValueIndicator indicator = indicator(answers, errors);
        if (publicValue.indicators().stream().anyMatch(i -> i.code().equals(answers.code()))) {
            errors.putIfAbsent("code", "An indicator with code " + answers.code() + " already exists");
        }
        if (!errors.isEmpty()) {
            return form(null, answers, errors, model);
        }
        List<PublicValueIndicator> indicators = new ArrayList<>(publicValue.indicators());
        indicators.add(indicator);
        return save(indicators, indicators.size() - 1, null, answers, "added", manager, model);
    }

    @PostMapping(BASE + "/indicators/{code}")
    String change(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        StaffMember manager = manager();
        existing(code);
        Answers answers = answers(form, code);
        Map<String, String> errors = new LinkedHashMap<>();
        PublicValueIndicator indicator = indicator(answers, errors);
        if (!errors.isEmpty()) {
            return form(code, answers, errors, model);
        }
        List<PublicValueIndicator> indicators = new ArrayList<>(publicValue.indicators());
        int at = position(indicators, code);
        indicators.set(at, indicator);
        return save(indicators, at, code, answers, "changed", manager, model);
    }

    /** Removing asks first: the GOV.UK confirmation page, with a way back that changes nothing. */
    @GetMapping(BASE + "/indicators/{code}/remove")
    String confirmRemoval(@PathVariable String code, Model model) {
        manager();
        PublicValueIndicator indicator = existing(code);
        model.addAttribute("indicator", indicator);
        model.addAttribute("action", BASE + "/indicators/" + code + "/remove");
        model.addAttribute("back", BASE + "/indicators/" + code);
        return "console/performance/remove-indicator";
    }

    @PostMapping(BASE + "/indicators/{code}/remove")
    String remove(@PathVariable String code) {
        StaffMember manager = manager();
        existing(code);
        List<PublicValueIndicator> indicators = new ArrayList<>(publicValue.indicators());
        indicators.remove(position(indicators, code));
        definitions.changePublicValue(indicators, code, "removed", manager.username());
        return "redirect:" + BASE;
    }

    private String save(List<PublicValueIndicator> indicators, int at, String code, Answers answers, String change,
            StaffMember manager, Model model) {
        try {
            definitions.changePublicValue(indicators, answers.code(), change, manager.username());
        } catch (InvalidInput invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            String prefix = "publicValue[" + at + "]";
            for (Violation v : invalid.violations()) {
                if (v.path().startsWith(prefix)) {
                    errors.putIfAbsent(field(v.path().substring(prefix.length())), sentence(v));
                }
            }
            if (errors.isEmpty()) {
                invalid.violations().forEach(v -> errors.putIfAbsent("code", v.message()));
            }
            return form(code, answers, errors, model);
        }
        return "redirect:" + BASE;
    }

    /** The form field a violation's path points at: ".segment.channel" is the channel. */
    private static String field(String path) {
        String rest = path.startsWith(".") ? path.substring(1) : path;
        if (rest.startsWith("segment.")) {
            return rest.substring("segment.".length());
        }
        if (rest.equals("segment")) {
            return "principal";
        }
        return rest.isEmpty() ? "code" : rest;
    }

    private static String sentence(Violation v) {
        String message = v.message();
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private PublicValueIndicator existing(String code) {
        return publicValue.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("No indicator " + code));
    }

    private static int position(List<PublicValueIndicator> indicators, String code) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new NotFound("No indicator " + code);
    }

    private static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }

    private static Answers answers(Map<String, String> form, String code) {
        return new Answers(code, text(form, "name"), text(form, "stakeholder"), text(form, "dimension"),
                text(form, "service"), text(form, "metric"), text(form, "better"), text(form, "baseline"),
                text(form, "target"), text(form, "channel"), text(form, "principal"), text(form, "representation"));
    }

    /** The indicator the answers make, with the errors a person fixes before the rules are asked. */
    private static PublicValueIndicator indicator(Answers a, Map<String, String> errors) {
        if (!a.code().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.put("code", "Enter a code of lower-case letters, digits and dashes, at most 63 characters");
        }
        required(a.name(), "name", "Enter the indicator's name", errors);
        if (!PublicValuePages.STAKEHOLDERS.contains(a.stakeholder())) {
            errors.put("stakeholder", "Select the stakeholder");
        }
        required(a.dimension(), "dimension", "Enter the value dimension", errors);
        required(a.service(), "service", "Select the service", errors);
        if (!PublicValueIndicator.METRICS.contains(a.metric())) {
            errors.put("metric", "Select the metric");
        }
        if (!"higher".equals(a.better()) && !"lower".equals(a.better())) {
            errors.put("better", "Select whether higher or lower is better");
        }
        Double baseline = number(a.baseline(), "baseline", "Baseline", errors);
        Double target = number(a.target(), "target", "Target", errors);
        if (!a.channel().isEmpty() && !a.channel().matches("[a-z][a-z-]{0,15}")) {
            errors.put("channel", "Select a channel from the list");
        }
        if (!a.principal().isEmpty() && !Segment.PRINCIPALS.contains(a.principal())) {
            errors.put("principal", "Select person or business");
        }
        if (!a.representation().isEmpty() && !Segment.REPRESENTATIONS.contains(a.representation())) {
            errors.put("representation", "Select who applies");
        }
        return new PublicValueIndicator(a.code(), a.name(), a.stakeholder(), a.dimension(), a.service(), a.metric(),
                a.better(), baseline, target, new Segment(empty(a.channel()), empty(a.principal()),
                        empty(a.representation())));
    }

    private static String empty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static void required(String value, String field, String message, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, message);
        } else if (value.length() > MAX_TEXT) {
            errors.put(field, message.replace("Enter the", "The").replace("Select the", "The") + " must be "
                    + MAX_TEXT + " characters or fewer");
        }
    }

    private static Double number(String value, String field, String label, Map<String, String> errors) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 32) {
            errors.put(field, label + " must be a number, like 0.85 or 60");
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, label + " must be a number, like 0.85 or 60");
            return null;
        }
    }

    private String form(String code, Answers answers, Map<String, String> errors, Model model) {
        model.addAttribute("editing", code);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("stakeholders", STAKEHOLDERS);
        model.addAttribute("services", catalog.latestOfEach().stream().map(Service::code).toList());
        model.addAttribute("metrics", PublicValueIndicator.METRICS.stream().sorted().toList());
        // a channel declared in the file (phone, say) stays selectable when the indicator is edited
        List<String> channels = new ArrayList<>(CHANNELS);
        if (!answers.channel().isEmpty() && !channels.contains(answers.channel())
                && answers.channel().matches("[a-z][a-z-]{0,15}")) {
            channels.add(answers.channel());
        }
        model.addAttribute("channels", channels);
        model.addAttribute("action", code == null ? BASE + "/indicators" : BASE + "/indicators/" + code);
        return "console/performance/indicator";
    }

}
