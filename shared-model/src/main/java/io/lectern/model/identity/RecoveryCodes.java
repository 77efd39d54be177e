package io.lectern.model.identity;

import java.util.List;

/**
 * One-time recovery codes, shown once when 2FA is turned on.
 *
 * @param codes the codes
 */
public record RecoveryCodes(List<String> codes) {

    public RecoveryCodes {
        codes = List.copyOf(codes);
    }
}
