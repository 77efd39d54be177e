package io.lectern.server.media.internal.storage;

import java.util.regex.Pattern;

/** Keys are relative paths of plain segments: letters, digits, {@code . _ -}; never {@code ..} or absolute. */
public final class StorageKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private StorageKeys() {
    }

    public static boolean valid(String key) {
        if (key == null || key.isEmpty() || key.length() > 512) {
            return false;
        }
        for (String s : key.split("/", -1)) {
            if (!SEGMENT.matcher(s).matches() || s.contains("..")) {
                return false;
            }
        }
        return true;
    }

    static String check(String key) {
        if (!valid(key)) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key;
    }
}
