package io.lectern.desktop.core.i18n;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.model.catalog.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

/**
 * Money for people: minor units in the currency's own decimals, written the language's way, then the code
 * ("24.00 USD", "1,500 JPY"; German "1.500,00 USD").
 */
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
        NumberFormat number = NumberFormat.getNumberInstance(Messages.locale());
        number.setGroupingUsed(true);
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        return tr("money.amount", number.format(BigDecimal.valueOf(minor, digits)), currency);
    }
}
