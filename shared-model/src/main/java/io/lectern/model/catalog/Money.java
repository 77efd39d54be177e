package io.lectern.model.catalog;

/**
 * An amount in minor units (cents, paise) of an ISO 4217 currency; never a floating point number.
 *
 * @param amountMinor amount in the currency's minor unit
 * @param currency    ISO 4217 code, e.g. {@code USD}
 */
public record Money(long amountMinor, String currency) {
}
