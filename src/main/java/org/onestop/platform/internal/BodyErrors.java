package org.onestop.platform.internal;

import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says what is wrong with an unreadable body in words a client developer can act on. */
final class BodyErrors {

    private BodyErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'" + at(unknown) + ".";
        }
        if (cause instanceof InvalidFormatException format) {
            return "Value " + format.getValue() + at(format) + " is not a valid " + simpleType(format.getTargetType()) + ".";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return "Wrong type" + at(mismatch) + ": expected " + simpleType(mismatch.getTargetType()) + ".";
        }
        if (cause instanceof StreamReadException syntax) {
            return "The body is not well-formed: " + syntax.getOriginalMessage()
                    + (syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                            + ", column " + syntax.getLocation().getColumnNr() + ")");
        }
        if (cause instanceof JacksonException jackson) {
            return "The body could not be read" + at(jackson) + ": " + jackson.getOriginalMessage();
        }
        return "The body is missing or could not be read.";
    }

    private static String at(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "" : " at '" + (path.startsWith(".") ? path.substring(1) : path) + "'";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value (one of the listed codes)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }
}
