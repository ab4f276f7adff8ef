package org.onestop.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an organisation's back office receives work: pushed to its URL, pulled from a feed, or in the web inbox. */
public enum ReceivingMode {
    @JsonProperty("push")
    PUSH,
    @JsonProperty("pull")
    PULL,
    @JsonProperty("inbox")
    INBOX
}
