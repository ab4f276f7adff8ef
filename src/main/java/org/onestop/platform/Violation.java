package org.onestop.platform;

/**
 * One thing wrong with an input, at a path written the way a person reads it:
 * {@code services[0].steps[2].dependsOn}.
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
