package org.onestop.insight.internal;

import java.util.List;

import org.onestop.insight.History;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar onestop.jar generate-history --cases N --months M [--seed S]}: synthetic history
 * for the demo network (loaded first if the database is empty), then the roll-ups rebuilt.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "onestop.command", havingValue = "generate-history")
class HistoryCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final int MAX_CASES = 10_000_000;

    private final History history;
    private int exitCode;

    HistoryCommand(History history) {
        this.history = history;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int cases = option(args, "cases", 10_000);
            int months = option(args, "months", 12);
            long seed = option(args, "seed", 42);
            if (cases < 1 || cases > MAX_CASES || months < 1 || months > 120) {
                fail("--cases must be 1 to " + MAX_CASES + " and --months 1 to 120");
                return;
            }
            long began = System.nanoTime();
            long events = history.generate(cases, months, seed);
            System.out.printf("Generated %d cases over %d months: %d events, roll-ups rebuilt, in %.1f s%n", cases, months,
                    events, (System.nanoTime() - began) / 1e9);
        } catch (NumberFormatException e) {
            fail("usage: java -jar onestop.jar generate-history --cases N --months M [--seed S]");
        }
    }

    /** {@code --name=value} or {@code --name value}. */
    static int option(ApplicationArguments args, String name, int fallback) {
        List<String> values = args.getOptionValues(name);
        if (values != null && !values.isEmpty() && !values.get(0).isEmpty()) {
            return Integer.parseInt(values.get(0));
        }
        String[] source = args.getSourceArgs();
        for (int i = 0; i + 1 < source.length; i++) {
            if (source[i].equals("--" + name)) {
                return Integer.parseInt(source[i + 1]);
            }
        }
        return fallback;
    }

    private void fail(String message) {
        System.err.println(message);
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
