package org.onestop.insight.internal;

import java.math.BigDecimal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The platform's own running cost per month (hosting, operations, support), shared among transactions. */
@Component
class PlatformCost {

    private final BigDecimal perMonth;
    private final String currency;

    PlatformCost(@Value("${onestop.insight.platform-cost-per-month:0}") BigDecimal perMonth,
            @Value("${onestop.insight.currency:EUR}") String currency) {
        this.perMonth = perMonth;
        this.currency = currency;
    }

    BigDecimal perMonth() {
        return perMonth;
    }

    String currency() {
        return currency;
    }
}
