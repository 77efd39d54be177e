package io.lectern.server.platform.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion and keeps its combined output for error messages. */
record Command(List<String> args) {

    /** The result of a finished program. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    Result run(long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    Result runOrThrow(long timeoutSeconds, String what) {
        Result result = run(timeoutSeconds);
        if (!result.ok()) {
            throw new EmbeddedStartException(what + " failed (exit " + result.exitCode() + "): "
                    + lastLines(result.output()));
        }
        return result;
    }

    static String lastLines(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
    }
}
