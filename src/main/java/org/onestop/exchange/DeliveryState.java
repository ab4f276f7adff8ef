package org.onestop.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Pending until handed over; in flight while a worker or a puller holds its lease; delivered; or dead after the last attempt. */
public enum DeliveryState {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("in-flight")
    IN_FLIGHT,
    @JsonProperty("delivered")
    DELIVERED,
    @JsonProperty("dead")
    DEAD
}
