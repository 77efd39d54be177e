package io.lectern.server.media.internal.upload;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.media.UploadRequest;
import io.lectern.model.media.UploadStatus;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The tus 1.0 core protocol with the creation (a JSON body, as the API documents), checksum, termination and
 * expiration extensions: {@code POST /api/v1/uploads}, {@code HEAD|PATCH|DELETE|GET /api/v1/uploads/{id}},
 * {@code OPTIONS /api/v1/uploads} for discovery.
 */
public final class UploadRoutes {

    static final HeaderName TUS_RESUMABLE = HeaderNames.create("Tus-Resumable");
    static final HeaderName UPLOAD_OFFSET = HeaderNames.create("Upload-Offset");
    static final HeaderName UPLOAD_LENGTH = HeaderNames.create("Upload-Length");
    static final HeaderName UPLOAD_EXPIRES = HeaderNames.create("Upload-Expires");
    static final HeaderName UPLOAD_CHECKSUM = HeaderNames.create("Upload-Checksum");
    static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final Platform platform;
    private final Uploads uploads;

    public UploadRoutes(Platform platform, Uploads uploads) {
        this.platform = platform;
        this.uploads = uploads;
    }

    public void register(ApiRoutes routes) {
        routes.post("/api/v1/uploads", Access.USER, this::create)
                .add(Method.OPTIONS, "/api/v1/uploads", Access.PUBLIC, this::options)
                .add(Method.HEAD, "/api/v1/uploads/{id}", Access.USER, this::head)
                .get("/api/v1/uploads/{id}", Access.USER, (req, res) -> {
                    UploadStatus s = uploads.owned(Authz.principal(req), id(req)).view();
                    tus(res, s);
                    platform.json().write(res, 200, s);
                })
                .patch("/api/v1/uploads/{id}", Access.USER, this::append)
                .delete("/api/v1/uploads/{id}", Access.USER, (req, res) -> {
                    uploads.cancel(Authz.principal(req), id(req));
                    res.header(TUS_RESUMABLE, "1.0.0").status(Status.NO_CONTENT_204).send();
                });
    }

    private void create(ServerRequest req, ServerResponse res) {
        UploadStatus s = uploads.create(Authz.principal(req), platform.json().read(req, UploadRequest.class));
        res.header(HeaderNames.LOCATION, "/api/v1/uploads/" + s.id());
        tus(res, s);
        platform.json().write(res, 201, s);
    }

    private void options(ServerRequest req, ServerResponse res) {
        res.header(TUS_RESUMABLE, "1.0.0").header(HeaderNames.create("Tus-Version"), "1.0.0")
                .header(HeaderNames.create("Tus-Extension"), "creation,checksum,termination,expiration")
                .header(HeaderNames.create("Tus-Checksum-Algorithm"), "sha256,sha1,md5")
                .status(Status.NO_CONTENT_204).send();
    }

    private void head(ServerRequest req, ServerResponse res) {
        UploadStatus s = uploads.owned(Authz.principal(req), id(req)).view();
        tus(res, s);
        res.header(HeaderNames.CACHE_CONTROL, "no-store").status(Status.OK_200).send();
    }

    private void append(ServerRequest req, ServerResponse res) {
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
