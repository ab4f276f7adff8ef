package org.onestop.console.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.onestop.insight.Dependency;

/**
 * Charts drawn on the server as SVG, so they show without JavaScript. Each is an image with a
 * title and a description for screen readers; the page shows the same numbers in a table next
 * to it and offers them as CSV.
 */
final class Charts {

    static final String BLUE = "#1d70b8";
    static final String GREEN = "#00703c";
    static final String ORANGE = "#f47738";
    static final String RED = "#d4351c";
    static final String GREY = "#505a5f";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int BOTTOM = 40;
    private static final int TOP = 16;

    private Charts() {
    }

    /** One line of a line chart; null values leave a gap. */
    record Series(String name, String colour, List<Double> values) {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String open(String id, String title, String description, int width, int height) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"onestop-chart\" viewBox=\"0 0 " + width + " "
                + height + "\" width=\"100%\" style=\"max-width:" + width + "px\" aria-labelledby=\"" + id + "-title " + id
                + "-desc\"><title id=\"" + id + "-title\">" + escape(title) + "</title><desc id=\"" + id + "-desc\">"
                + escape(description) + "</desc>";
    }

    private static String text(double x, double y, String anchor, String text, int size, String colour) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\" "
                + "font-family=\"Arial, sans-serif\">%s</text>", x, y, anchor, size, colour, escape(text));
    }

    /** Lines over periods, for trends; the y axis from 0 to the largest value (or to max when given). */
    static String lines(String id, String title, String description, List<String> labels, List<Series> series,
            Double max, DoubleFunction<String> format) {
        StringBuilder svg = new StringBuilder(open(id, title, description, WIDTH, HEIGHT + 20));
        double top = max != null ? max : series.stream().flatMap(s -> s.values().stream())
                .filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        top = top <= 0 ? 1 : top;
        int plotWidth = WIDTH - LEFT - 16;
        int plotHeight = HEIGHT - BOTTOM - TOP;
        axes(svg, top, plotWidth, plotHeight, format);
        int n = labels.size();
        double step = n <= 1 ? 0 : (double) plotWidth / (n - 1);
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += every) {
            svg.append(text(LEFT + i * step, HEIGHT - BOTTOM + 16, "middle", labels.get(i), 11, GREY));
        }
        int legend = 0;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + i * step;
                double y = TOP + plotHeight - v / top * plotHeight;
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                pen = true;
                if (n <= 24) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, s.colour()));
                }
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(s.colour())
                    .append("\" stroke-width=\"2.5\"/>");
            int x = LEFT + legend * 180;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>", x,
                    HEIGHT + 6, s.colour()));
            svg.append(text(x + 20, HEIGHT + 12, "start", s.name(), 12, "#0b0c0c"));
            legend++;
        }
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, double top, int plotWidth, int plotHeight, DoubleFunction<String> format) {
        for (int g = 0; g <= 4; g++) {
            double y = TOP + plotHeight - g * plotHeight / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b1b4b6\" "
                    + "stroke-width=\"1\"/>", LEFT, LEFT + plotWidth, y, y));
            svg.append(text(LEFT - 6, y + 4, "end", format.apply(top * g / 4), 11, GREY));
        }
    }

    /** Horizontal bars, one per label, for comparing organisations, steps or answers. */
    static String bars(String id, String title, String description, List<String> labels, List<Double> values,
            String colour, DoubleFunction<String> format) {
        int row = 28;
        int labelWidth = 220;
        int height = TOP + row * labels.size() + 8;
        StringBuilder svg = new StringBuilder(open(id, title, description, WIDTH, height));
        double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        max = max <= 0 ? 1 : max;
        int plot = WIDTH - labelWidth - 90;
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i) == null ? 0 : values.get(i);
            double y = TOP + i * row;
            svg.append(text(labelWidth - 8, y + 15, "end", labels.get(i), 12, "#0b0c0c"));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
                    labelWidth, y + 2, Math.max(1, v / max * plot), colour));
            svg.append(text(labelWidth + v / max * plot + 6, y + 15, "start",
                    values.get(i) == null ? "–" : format.apply(v), 12, "#0b0c0c"));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The interdependency map: organisations as boxes in columns by how many hand-offs lie before
     * them, arrows from the organisation waited on to the one waiting, as thick as the hand-offs.
     */
    static String map(String id, String title, String description, List<Dependency> edges, Map<String, String> names) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        depth.put("applicant", 0);
        for (int round = 0; round < 8; round++) {
            for (Dependency d : edges) {
                int from = depth.getOrDefault(d.fromOrganisation(), 0);
                if (!d.fromOrganisation().equals(d.toOrganisation()) && depth.getOrDefault(d.toOrganisation(), -1) < from + 1) {
                    depth.put(d.toOrganisation(), Math.min(from + 1, 6));
                }
            }
        }
        Map<Integer, List<String>> columns = new HashMap<>();
        depth.forEach((organisation, column) -> columns.computeIfAbsent(column, c -> new ArrayList<>()).add(organisation));
        int rows = columns.values().stream().mapToInt(List::size).max().orElse(1);
        int width = 200 * (columns.size()) + 40;
        int height = Math.max(120, rows * 90 + 20);
        Map<String, double[]> at = new HashMap<>();
        columns.forEach((column, organisations) -> {
            for (int i = 0; i < organisations.size(); i++) {
                double gap = (double) height / organisations.size();
                at.put(organisations.get(i), new double[] {20 + column * 200, gap * i + gap / 2});
            }
        });
        long most = edges.stream().mapToLong(Dependency::handoffs).max().orElse(1);
        StringBuilder svg = new StringBuilder(open(id, title, description, width, height));
        svg.append("<defs><marker id=\"").append(id).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                + "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"")
                .append(GREY).append("\"/></marker></defs>");
        Map<String, long[]> pairs = new LinkedHashMap<>();
        for (Dependency d : edges) {
            if (!d.fromOrganisation().equals(d.toOrganisation())) {
                long[] sums = pairs.computeIfAbsent(d.fromOrganisation() + "\u0000" + d.toOrganisation(), k -> new long[2]);
                sums[0] += d.handoffs();
                sums[1] += d.waiting().toMinutes() * d.handoffs();
            }
        }
        pairs.forEach((key, sums) -> {
            String[] ends = key.split("\u0000");
            double[] from = at.get(ends[0]);
            double[] to = at.get(ends[1]);
            double strokeWidth = 1.5 + 6.0 * sums[0] / Math.max(1, most);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-opacity=\"0.7\" stroke-width=\"%.1f\" marker-end=\"url(#%s-arrow)\"/>", from[0] + 160, from[1],
                    to[0], to[1], GREY, strokeWidth, id));
            double hours = sums[0] == 0 ? 0 : sums[1] / 60.0 / sums[0];
            svg.append(text((from[0] + 160 + to[0]) / 2, (from[1] + to[1]) / 2 - 6, "middle",
                    String.format(Locale.ROOT, "%,d · %.1f h", sums[0], hours), 11, "#0b0c0c"));
        });
        at.forEach((organisation, xy) -> {
            String colour = "applicant".equals(organisation) ? GREEN : BLUE;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"160\" height=\"40\" rx=\"4\" fill=\"%s\"/>",
                    xy[0], xy[1] - 20, colour));
            String name = names.getOrDefault(organisation, "applicant".equals(organisation) ? "Applicant" : organisation);
            svg.append(text(xy[0] + 80, xy[1] + 5, "middle", name.length() > 24 ? name.substring(0, 23) + "…" : name, 12,
                    "#ffffff"));
        });
        return svg.append("</svg>").toString();
    }
}
