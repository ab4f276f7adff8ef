package org.onestop.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. Pages count from zero.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    /** Cuts one page out of a list already in memory (the network's lists are small). */
    public static <T> PageOf<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PageOf<>(all.subList(from, to), page, size, all.size());
    }

    public static void checkBounds(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("Invalid page", List.of(new Violation(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be between 1 and " + MAX_SIZE)));
        }
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
