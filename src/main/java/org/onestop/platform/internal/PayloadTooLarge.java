package org.onestop.platform.internal;

import java.io.IOException;

/** A request body went past the size limit while it was being read. */
final class PayloadTooLarge extends IOException {

    PayloadTooLarge(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
