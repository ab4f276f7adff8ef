package org.onestop.console.internal;

/** A console page was asked for something that does not exist; answered with the GOV.UK 404 page. */
final class UnknownCode extends RuntimeException {

    UnknownCode(String what, String code) {
        super("No " + what + " with code " + code);
    }
}
