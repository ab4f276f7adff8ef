package org.onestop.network;

/** How an organisation's back office receives work: pushed to its URL, pulled from a feed, or in the web inbox. */
public enum ReceivingMode {
    PUSH, PULL, INBOX
}
