package org.onestop.console.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A layered drawing of a service's step dependencies: each step sits in the column given by the
 * longest path from a step without dependencies, and an arrow runs from each dependency to the
 * step that needs it. The template turns the drawing into SVG.
 */
public final class StepGraph {

    static final int BOX_HEIGHT = 48;
    static final int GAP_X = 64;
    static final int GAP_Y = 24;
    static final int MARGIN = 8;
    static final int MIN_BOX_WIDTH = 120;
    static final int MAX_LABEL_CHARS = 28;

    /** A step to draw. */
    public record Step(String code, String label) {
        public Step {
            Objects.requireNonNull(code, "code");
            label = label == null || label.isBlank() ? code : label;
        }
    }

    /** The step {@code step} needs {@code dependsOn} done first. */
    public record Dependency(String step, String dependsOn) {
    }

    public record Box(String code, String label, String shownLabel, int layer, int x, int y, int width, int height,
            int textX, int textY) {
    }

    public record Arrow(String from, String to, String path) {
    }

    public record Drawing(int width, int height, List<Box> boxes, List<Arrow> arrows, int layers) {

        /** The same information in words, for the SVG's description. */
        public String description() {
            StringBuilder text = new StringBuilder();
            for (int layer = 0; layer < layers; layer++) {
                int current = layer;
                List<String> labels = boxes.stream().filter(b -> b.layer() == current).map(Box::label).toList();
                text.append(layer == 0 ? "First: " : "Then: ").append(String.join(", ", labels)).append(". ");
            }
            return text.toString().trim();
        }
    }

    private StepGraph() {
    }

    public static Drawing draw(List<Step> steps, List<Dependency> dependencies) {
        Map<String, Step> byCode = new LinkedHashMap<>();
        steps.forEach(step -> byCode.put(step.code(), step));
        List<Dependency> edges = dependencies.stream()
                .filter(d -> byCode.containsKey(d.step()) && byCode.containsKey(d.dependsOn())).toList();
        Map<String, Integer> layer = layers(byCode.keySet(), edges);

        int longest = byCode.values().stream().mapToInt(s -> shown(s.label()).length()).max().orElse(0);
        int boxWidth = Math.max(MIN_BOX_WIDTH, longest * 9 + 24);
        int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Step step : byCode.values()) {
            int column = layer.get(step.code());
            int row = rows.merge(column, 1, Integer::sum) - 1;
            int x = MARGIN + column * (boxWidth + GAP_X);
            int y = MARGIN + row * (BOX_HEIGHT + GAP_Y);
            boxes.put(step.code(), new Box(step.code(), step.label(), shown(step.label()), column, x, y, boxWidth,
                    BOX_HEIGHT, x + boxWidth / 2, y + BOX_HEIGHT / 2 + 6));
        }
        List<Arrow> arrows = new ArrayList<>();
        for (Dependency d : edges) {
            Box from = boxes.get(d.dependsOn());
            Box to = boxes.get(d.step());
            int x1 = from.x() + from.width();
            int y1 = from.y() + BOX_HEIGHT / 2;
            int x2 = to.x() - 2;
            int y2 = to.y() + BOX_HEIGHT / 2;
            int bend = Math.max(GAP_X / 2, (x2 - x1) / 2);
            arrows.add(new Arrow(d.dependsOn(), d.step(),
                    "M" + x1 + " " + y1 + " C" + (x1 + bend) + " " + y1 + " " + (x2 - bend) + " " + y2 + " " + x2 + " " + y2));
        }
        int maxRows = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int width = 2 * MARGIN + layers * boxWidth + Math.max(0, layers - 1) * GAP_X;
        int height = 2 * MARGIN + maxRows * BOX_HEIGHT + Math.max(0, maxRows - 1) * GAP_Y;
        return new Drawing(width, height, List.copyOf(boxes.values()), List.copyOf(arrows), layers);
    }

    /**
     * The layer of every step: 0 without dependencies, else one more than its deepest dependency.
     * Steps caught in a cycle (which the catalog should never hold) go into one extra last layer.
     */
    static Map<String, Integer> layers(Iterable<String> codes, List<Dependency> edges) {
        Map<String, Integer> unmet = new LinkedHashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        codes.forEach(code -> unmet.put(code, 0));
        for (Dependency d : edges) {
            unmet.merge(d.step(), 1, Integer::sum);
            dependents.computeIfAbsent(d.dependsOn(), k -> new ArrayList<>()).add(d.step());
        }
        Map<String, Integer> layer = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        unmet.forEach((code, count) -> {
            if (count == 0) {
                ready.add(code);
                layer.put(code, 0);
            }
        });
        while (!ready.isEmpty()) {
            String code = ready.poll();
            for (String dependent : dependents.getOrDefault(code, List.of())) {
                layer.merge(dependent, layer.get(code) + 1, Math::max);
                if (unmet.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        int settled = layer.entrySet().stream().filter(e -> unmet.get(e.getKey()) == 0)
                .mapToInt(Map.Entry::getValue).max().orElse(-1);
        Map<String, Integer> result = new LinkedHashMap<>();
        unmet.forEach((code, count) -> result.put(code, count == 0 ? layer.get(code) : settled + 1));
        return result;
    }

    private static String shown(String label) {
        return label.length() <= MAX_LABEL_CHARS ? label : label.substring(0, MAX_LABEL_CHARS - 1) + "…";
    }
}
