package io.lectern.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** nginx from the OS, serving a directory on a free port with sendfile: the baseline for media delivery. */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    static Nginx start(Path dir, Path root) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(prefix.resolve("logs"));
        boolean root0 = "root".equals(System.getProperty("user.name"));
        Files.writeString(prefix.resolve("nginx.conf"), (root0 ? "user root;\n" : "") + """
                worker_processes auto;
                error_log logs/error.log warn;
                pid logs/nginx.pid;
                events { worker_connections 1024; }
                http {
                    types { video/mp4 mp4; video/mp2t ts; application/vnd.apple.mpegurl m3u8; image/jpeg jpg; }
                    sendfile on;
                    tcp_nopush on;
                    access_log logs/access.log combined buffer=64k;
                    keepalive_requests 100000;
                    client_body_temp_path %1$s/tmp;
                    proxy_temp_path %1$s/tmp;
                    fastcgi_temp_path %1$s/tmp;
                    uwsgi_temp_path %1$s/tmp;
                    scgi_temp_path %1$s/tmp;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                    }
                }
                """.formatted(prefix, port, root.toAbsolutePath()));
        Files.createDirectories(prefix.resolve("tmp"));
        Process p = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf")
                .toString(), "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("logs/out.log")
                .toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new Nginx(p, port);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("nginx exited; see " + prefix.resolve("logs"));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
