package org.onestop.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The GOV.UK target formula for a digital take-up goal: the cost per transaction the service
 * would have if the goal were met, each channel keeping its own cost per transaction,
 * {@code goal × digital cost + (1 − goal) × non-digital cost}.
 */
public final class TakeUpGoal {

    private TakeUpGoal() {
    }

    public static BigDecimal costPerTransaction(double goal, BigDecimal digitalCost, BigDecimal nonDigitalCost) {
        if (goal < 0 || goal > 1) {
            throw new IllegalArgumentException("A take-up goal is a share between 0 and 1");
        }
        BigDecimal share = BigDecimal.valueOf(goal);
        return digitalCost.multiply(share).add(nonDigitalCost.multiply(BigDecimal.ONE.subtract(share)))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
