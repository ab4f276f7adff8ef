package org.onestop.testing;

import java.util.List;
import java.util.Set;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** Scans the browser's current page with axe-core and fails on serious or critical violations. */
public final class Accessibility {

    private static final Set<String> FAILING = Set.of("serious", "critical");

    private Accessibility() {
    }

    public static void assertNoSeriousViolations(WebDriver driver) {
        var results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not scan " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        List<Rule> failing = results.getViolations().stream().filter(rule -> FAILING.contains(rule.getImpact())).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError(report(driver.getCurrentUrl(), failing));
        }
        results.getViolations().forEach(rule -> System.out.println("axe (" + rule.getImpact() + ", not failing) " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList() + " "
                + driver.getCurrentUrl() + ": " + rule.getId() + " - " + rule.getHelp()));
    }

    static String report(String url, List<Rule> rules) {
        StringBuilder text = new StringBuilder(rules.size() + " serious or critical accessibility violation(s) on " + url);
        for (Rule rule : rules) {
            text.append("\n\n[").append(rule.getImpact()).append("] ").append(rule.getId()).append(": ")
                    .append(rule.getHelp()).append("\n  ").append(rule.getHelpUrl());
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n  - at ").append(node.getTarget()).append("\n    ").append(node.getHtml());
                if (node.getFailureSummary() != null) {
                    text.append("\n    ").append(node.getFailureSummary().replace("\n", "\n    "));
                }
            }
        }
        return text.toString();
    }
}
