package io.lectern.desktop.core.commerce;

import io.lectern.model.catalog.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** Money for people: minor units in the currency's own decimals, then the code ("24.00 USD", "1500 JPY"). */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(Money money) {
        return money == null ? "" : of(money.amountMinor(), money.currency());
    }

    public static String of(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
