package org.onestop.platform;

/** The thing asked for does not exist, or the caller may not know that it does; answered as a 404 problem. */
public final class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
