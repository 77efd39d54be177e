package io.lectern.desktop.core.platform;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;

/**
 * Keeps the app's native memory down on Linux: at most two glibc malloc arenas. LibVLC's decoder and demuxer threads
 * (and JavaFX's) otherwise each grow an arena of their own, which costs tens of MB of resident memory while a video
 * plays for no gain (measured by {@code ./lectern bench desktop}). Called first thing at start, before those threads.
 */
public final class NativeMemory {

    private static final int M_ARENA_MAX = -8;

    private NativeMemory() {
    }

    /** True when the limit was set (glibc); false elsewhere, where there is nothing to tune. */
    public static boolean limitMallocArenas() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        try {
            Linker linker = Linker.nativeLinker();
            var mallopt = linker.defaultLookup().find("mallopt");
            if (mallopt.isEmpty()) {
                return false;
            }
            int ok = (int) linker.downcallHandle(mallopt.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(M_ARENA_MAX, 2);
            return ok == 1;
        } catch (Throwable notGlibc) {
            return false;
        }
    }
}
