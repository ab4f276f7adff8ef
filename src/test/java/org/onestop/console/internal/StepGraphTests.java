package org.onestop.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.console.internal.StepGraph.Box;
import org.onestop.console.internal.StepGraph.Dependency;
import org.onestop.console.internal.StepGraph.Drawing;
import org.onestop.console.internal.StepGraph.Step;

class StepGraphTests {

    private static final List<Step> START_A_BUSINESS = List.of(new Step("register", "Register the company"),
            new Step("tax", "Issue a tax number"), new Step("licence", "Issue a trading licence"),
            new Step("account", "Open a business account"), new Step("welcome", "Send the welcome pack"));

    private static final List<Dependency> NEEDS = List.of(new Dependency("tax", "register"),
            new Dependency("account", "register"), new Dependency("welcome", "tax"),
            new Dependency("welcome", "licence"));

    @Test
    void puts_each_step_in_the_layer_of_its_longest_path_from_a_root() {
        Map<String, Integer> layers = StepGraph.layers(
                START_A_BUSINESS.stream().map(Step::code).toList(), NEEDS);
        assertThat(layers).containsEntry("register", 0).containsEntry("licence", 0).containsEntry("tax", 1)
                .containsEntry("account", 1).containsEntry("welcome", 2);
    }

    @Test
    void draws_boxes_left_to_right_by_layer_and_an_arrow_per_dependency() {
        Drawing drawing = StepGraph.draw(START_A_BUSINESS, NEEDS);
        assertThat(drawing.layers()).isEqualTo(3);
        assertThat(drawing.boxes()).hasSize(5);
        assertThat(drawing.arrows()).hasSize(4).allSatisfy(a -> assertThat(a.path()).startsWith("M"));
        Box register = box(drawing, "register");
        Box tax = box(drawing, "tax");
        Box welcome = box(drawing, "welcome");
        assertThat(register.x()).isLessThan(tax.x());
        assertThat(tax.x()).isLessThan(welcome.x());
        assertThat(box(drawing, "licence").y()).isGreaterThan(register.y());
        assertThat(drawing.width()).isGreaterThanOrEqualTo(welcome.x() + welcome.width());
        assertThat(drawing.description()).isEqualTo("First: Register the company, Issue a trading licence. "
                + "Then: Issue a tax number, Open a business account. Then: Send the welcome pack.");
    }

    @Test
    void survives_a_cycle_and_unknown_steps_without_looping() {
        Drawing drawing = StepGraph.draw(List.of(new Step("a", null), new Step("b", "B"), new Step("c", "C")),
                List.of(new Dependency("b", "c"), new Dependency("c", "b"), new Dependency("a", "ghost")));
        assertThat(drawing.boxes()).extracting(Box::layer).containsExactly(0, 1, 1);
        assertThat(drawing.arrows()).hasSize(2);
        assertThat(box(drawing, "a").label()).isEqualTo("a");
    }

    @Test
    void shortens_very_long_labels_in_the_drawing_only() {
        String longName = "Check the applicant's business address against the municipal register";
        Box box = StepGraph.draw(List.of(new Step("check", longName)), List.of()).boxes().get(0);
        assertThat(box.label()).isEqualTo(longName);
        assertThat(box.shownLabel()).hasSize(StepGraph.MAX_LABEL_CHARS).endsWith("…");
    }

    @Test
    void draws_nothing_for_no_steps() {
        Drawing drawing = StepGraph.draw(List.of(), List.of());
        assertThat(drawing.boxes()).isEmpty();
        assertThat(drawing.layers()).isZero();
    }

    private static Box box(Drawing drawing, String code) {
        return drawing.boxes().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }
}
