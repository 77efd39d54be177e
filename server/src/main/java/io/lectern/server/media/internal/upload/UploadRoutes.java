package io.lectern.server.media.internal.upload;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.media.UploadRequest;
import io.lectern.model.media.UploadStatus;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The tus 1.0 protocol: core, creation (the standard {@code Upload-Length} and {@code Upload-Metadata} headers, or a
 * JSON body as the API documents), creation-with-upload, checksum, termination and expiration;
 * {@code POST /api/v1/uploads}, {@code HEAD|PATCH|DELETE|GET /api/v1/uploads/{id}}, {@code OPTIONS /api/v1/uploads}.
 * Stock clients (tus-js-client, Uppy, tus-java-client) upload with it.
 */
public final class UploadRoutes {

    static final HeaderName TUS_RESUMABLE = HeaderNames.create("Tus-Resumable");
    static final HeaderName UPLOAD_OFFSET = HeaderNames.create("Upload-Offset");
    static final HeaderName UPLOAD_LENGTH = HeaderNames.create("Upload-Length");
    static final HeaderName UPLOAD_EXPIRES = HeaderNames.create("Upload-Expires");
    static final HeaderName UPLOAD_CHECKSUM = HeaderNames.create("Upload-Checksum");
    static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final Json jsonIo;
    private final Uploads uploads;

    public UploadRoutes(Json jsonIo, Uploads uploads) {
        this.jsonIo = jsonIo;
        this.uploads = uploads;
    }

    public void register(ApiRoutes routes) {
        routes.post("/api/v1/uploads", Access.USER, this::create)
                .add(Method.OPTIONS, "/api/v1/uploads", Access.PUBLIC, this::options)
                .add(Method.HEAD, "/api/v1/uploads/{id}", Access.USER, this::head)
                .get("/api/v1/uploads/{id}", Access.USER, (req, res) -> {
                    UploadStatus s = uploads.owned(Authz.principal(req), id(req)).view();
                    tus(res, s);
                    jsonIo.write(res, 200, s);
                })
                .patch("/api/v1/uploads/{id}", Access.USER, this::append)
                .post("/api/v1/uploads/{id}", Access.USER, this::overridden)
                .delete("/api/v1/uploads/{id}", Access.USER, this::terminate);
    }

    private void create(ServerRequest req, ServerResponse res) {
        requireVersion(req);
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        boolean tus = req.headers().contains(UPLOAD_LENGTH) || !type.contains("json");
        var p = Authz.principal(req);
        UploadStatus s = uploads.create(p, tus ? TusCreation.read(req, p) : jsonIo.read(req, UploadRequest.class));
        if (tus && type.startsWith(OFFSET_STREAM) && req.content().hasEntity()) { // creation-with-upload
            s = uploads.append(p, s.id(), 0, ChunkChecksum.parse(req.headers().first(UPLOAD_CHECKSUM)),
                    req.content().inputStream());
        }
        res.header(HeaderNames.LOCATION, "/api/v1/uploads/" + s.id());
        tus(res, s);
        if (tus) {
            res.status(Status.CREATED_201).send();
        } else {
            jsonIo.write(res, 201, s);
        }
    }

    /** A client speaking another tus version gets 412 and the version we speak. */
    private static void requireVersion(ServerRequest req) {
        req.headers().first(TUS_RESUMABLE).filter(v -> !v.equals("1.0.0")).ifPresent(v -> {
            throw new ApiException(412, "upload.tus_version", "This server speaks tus 1.0.0, not " + v + ".",
                    java.util.List.of(), java.util.Map.of("Tus-Version", "1.0.0", "Tus-Resumable", "1.0.0"));
        });
    }

    /**
     * tus clients that cannot send PATCH or DELETE (Java's HttpURLConnection, some proxies) send a POST with
     * {@code X-HTTP-Method-Override}, which tus says to obey.
     */
    private void overridden(ServerRequest req, ServerResponse res) {
        String method = req.headers().first(HeaderNames.create("X-HTTP-Method-Override")).orElse("");
        switch (method.toUpperCase(java.util.Locale.ROOT)) {
            case "PATCH" -> append(req, res);
            case "DELETE" -> terminate(req, res);
            default -> throw new ApiException(405, "route.method_not_allowed", "POST to an upload needs "
                    + "X-HTTP-Method-Override: PATCH or DELETE; or use PATCH, HEAD or DELETE.", java.util.List.of(),
                    java.util.Map.of("Allow", "GET, HEAD, PATCH, DELETE"));
        }
    }

    private void terminate(ServerRequest req, ServerResponse res) {
        uploads.cancel(Authz.principal(req), id(req));
        res.header(TUS_RESUMABLE, "1.0.0").status(Status.NO_CONTENT_204).send();
    }

    private void options(ServerRequest req, ServerResponse res) {
        res.header(TUS_RESUMABLE, "1.0.0").header(HeaderNames.create("Tus-Version"), "1.0.0")
                .header(HeaderNames.create("Tus-Extension"), "creation,creation-with-upload,checksum,termination,"
                        + "expiration")
                .header(HeaderNames.create("Tus-Max-Size"), Long.toString(UploadRules.largest()))
                .header(HeaderNames.create("Tus-Checksum-Algorithm"), "sha256,sha1,md5")
                .status(Status.NO_CONTENT_204).send();
    }

    private void head(ServerRequest req, ServerResponse res) {
        requireVersion(req);
        UploadStatus s = uploads.owned(Authz.principal(req), id(req)).view();
        if (!"OPEN".equals(s.status()) && !"COMPLETE".equals(s.status())) {
            res.header(TUS_RESUMABLE, "1.0.0").header(HeaderNames.CACHE_CONTROL, "no-store")
                    .status(Status.GONE_410).send(); // terminated, failed or expired: a client starts anew
            return;
        }
        tus(res, s);
        res.header(HeaderNames.CACHE_CONTROL, "no-store").status(Status.OK_200).send();
    }

    private void append(ServerRequest req, ServerResponse res) {
        requireVersion(req);
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!type.startsWith(OFFSET_STREAM)) {
            throw new ApiException(415, "upload.content_type", "Send chunks as " + OFFSET_STREAM + ".");
        }
        String offset = req.headers().first(UPLOAD_OFFSET).orElseThrow(() -> new ApiException(400,
                "upload.offset_required", "Say where this chunk starts with an Upload-Offset header."));
        if (!offset.matches("\\d{1,19}")) {
            throw new ApiException(400, "upload.offset_format", "Upload-Offset must be a whole number of bytes.");
        }
        UploadStatus s = uploads.append(Authz.principal(req), id(req), Long.parseLong(offset),
                ChunkChecksum.parse(req.headers().first(UPLOAD_CHECKSUM)), req.content().inputStream());
        tus(res, s);
        res.header(HeaderNames.create("Lectern-Upload-Status"), s.status()).status(Status.NO_CONTENT_204).send();
    }

    private static void tus(ServerResponse res, UploadStatus s) {
        res.header(TUS_RESUMABLE, "1.0.0");
        res.header(UPLOAD_OFFSET, Long.toString(s.offset()));
        res.header(UPLOAD_LENGTH, Long.toString(s.size()));
        if (s.expiresAt() != null && "OPEN".equals(s.status())) {
            res.header(UPLOAD_EXPIRES, DateTimeFormatter.RFC_1123_DATE_TIME.format(s.expiresAt().atOffset(ZoneOffset.UTC)));
        }
    }

    private static UUID id(ServerRequest req) {
        return PathParams.uuid(req, "id", "This upload");
    }
}
