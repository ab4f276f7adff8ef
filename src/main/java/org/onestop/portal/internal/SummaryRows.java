package org.onestop.portal.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of a "Check your answers" summary list for one section: answers as people read them. */
final class SummaryRows {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    record Row(String key, List<String> lines, String changeHref, String changeText) {
    }

    private SummaryRows() {
    }

    static List<Row> of(String service, Section section, Answers answers) {
        return at("/apply/" + service, section, answers);
    }

    /** The rows, with "Change" links to the section's page under {@code base}. */
    static List<Row> at(String base, Section section, Answers answers) {
        List<Row> rows = new ArrayList<>();
        for (Field field : section.fields()) {
            rows.add(new Row(field.title(), lines(field, answers),
                    base + "/" + section.key() + "#" + (field.kind() == Field.Kind.FIELDSET
                            ? SectionCheck.leaves(field.children()).get(0).anchor() : field.anchor()),
                    field.inSentence()));
        }
        return rows;
    }

    private static List<String> lines(Field field, Answers answers) {
        List<String> lines = new ArrayList<>();
        switch (field.kind()) {
            case FIELDSET:
                field.children().forEach(child -> lines.addAll(lines(child, answers)));
                break;
            case LIST:
                answers.values(field.name()).stream().filter(v -> !v.isBlank()).forEach(lines::add);
                break;
            case DATE:
                String day = answers.value(field.name() + ".day").trim();
                String month = answers.value(field.name() + ".month").trim();
                String year = answers.value(field.name() + ".year").trim();
                if (!year.isEmpty()) {
                    try {
                        lines.add(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).format(DATE));
                    } catch (RuntimeException e) {
                        lines.add(day + "/" + month + "/" + year);
                    }
                }
                break;
            case RADIOS:
            case SELECT:
            case YES_NO:
                String chosen = answers.value(field.name());
                if (!chosen.isBlank()) {
                    lines.add(field.label(chosen));
                }
                break;
            default:
                String given = answers.value(field.name()).trim();
                if (!given.isEmpty()) {
                    lines.add(given);
                }
        }
        return lines;
    }
}
