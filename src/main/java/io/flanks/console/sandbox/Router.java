package io.flanks.console.sandbox;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exact path and method matching: an unknown path is a 404, a known path with another method a 405. */
final class Router {

    interface Route {
        Reply handle(Request request) throws IOException;
    }

    private final Map<String, Map<String, Route>> routes = new HashMap<>();

    Router add(String method, String path, Route route) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, route);
        return this;
    }

    /** The route for this request, or an ApiError for 404 / 405. */
    Route resolve(String method, String path) {
        Map<String, Route> byMethod = routes.get(path);
        if (byMethod == null) {
            throw new ApiError(404, "Not found");
        }
        Route route = byMethod.get(method);
        if (route == null) {
            throw new ApiError(405, "Method not allowed", Map.of("Allow", String.join(", ", byMethod.keySet())));
        }
        return route;
    }
}
