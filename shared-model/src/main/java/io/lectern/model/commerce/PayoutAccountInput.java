package io.lectern.model.commerce;

/**
 * Where an instructor's payouts go: an IBAN, or an account number with its routing or sort code.
 *
 * @param holderName    account holder (2–100)
 * @param iban          IBAN (checked with its mod-97 digits), or null
 * @param accountNumber account number (4–34 digits), when there is no IBAN
 * @param routingCode   routing, sort or IFSC code (2–20 letters and digits), with an account number
 * @param bankName      the bank's name (≤ 100), optional
 */
public record PayoutAccountInput(String holderName, String iban, String accountNumber, String routingCode,
                                 String bankName) {
}
