package io.lectern.server.platform.openapi;

import io.helidon.http.HeaderNames;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;

/**
 * Serves the API's OpenAPI 3.1 document at {@code GET /api/v1/openapi.json}, to anyone. The document is built on the
 * first request, once every route is registered (the route itself included), and its bytes are kept.
 */
public final class OpenApiRoutes {

    public static final String PATH = "/api/v1/openapi.json";

    private final Json json;
    private volatile byte[] document;

    public OpenApiRoutes(Json json) {
        this.json = json;
    }

    public void register(ApiRoutes routes) {
        routes.get(PATH, Access.PUBLIC, (req, res) -> {
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
            json.writeBytes(res, 200, document(routes));
        });
    }

    private byte[] document(ApiRoutes routes) {
        byte[] bytes = document;
        if (bytes == null) {
            synchronized (this) {
                if (document == null) {
                    document = json.bytes(OpenApiDocument.build(routes.routes(), Json.mapper()).document());
                }
                bytes = document;
            }
        }
        return bytes;
    }
}
