package io.lectern.server.commerce.internal;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts in minor units as people read them: {@code 1250, EUR} is "12.50 EUR", {@code 500, JPY} is "500 JPY". */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
