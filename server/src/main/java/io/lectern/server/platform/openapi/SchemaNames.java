package io.lectern.server.platform.openapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.lectern.server.platform.openapi.SchemaGenerator.Mode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The schema names the checked-in operation details use, e.g. {@code CourseDetail}, {@code Page<CourseSummary>},
 * {@code Items<Coupon>}, {@code List<OidcProvider>}, {@code CourseDraftView.Section}, {@code uuid}:
 * <ul>
 *   <li>lower-case scalars: {@code string}, {@code integer}, {@code int64}, {@code number}, {@code boolean},
 *       {@code uuid}, {@code date-time}, {@code date}, {@code object} (any object), {@code any};</li>
 *   <li>{@code List<T>}, {@code Set<T>}, {@code Map<string,T>}; {@code Items<T>}: the object {@code {"items": [T]}}
 *       that list answers are wrapped in;</li>
 *   <li>a schema written by hand in {@code openapi/lectern.json} ({@code schemas}), by its name;</li>
 *   <li>a shared-model class by its simple name (nested ones as {@code Outer.Inner}), with generic arguments; a server
 *       class (a record a handler writes that the shared model does not have) by its full name.</li>
 * </ul>
 */
final class SchemaNames {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MODEL_PACKAGES = List.of("common", "identity", "catalog", "commerce", "media",
            "learning", "audit");
    private static final Map<String, Class<?>> SCALAR_CLASSES = Map.of("string", String.class, "integer", Integer.class,
            "int64", Long.class, "number", Double.class, "boolean", Boolean.class, "uuid", UUID.class, "date-time",
            Instant.class, "date", LocalDate.class, "any", Object.class);

    /** A parsed name: {@code Name<arg, ...>}. */
    record Expr(String name, List<Expr> args) {
    }

    private final SchemaGenerator generator;
    private final ObjectNode components;
    private final Set<String> handWritten;
    private final TypeFactory types;

    SchemaNames(SchemaGenerator generator, ObjectNode components, Set<String> handWritten, TypeFactory types) {
        this.generator = generator;
        this.components = components;
        this.handWritten = Set.copyOf(handWritten);
        this.types = types;
    }

    /** The schema {@code text} names, generating the components it needs. */
    ObjectNode schema(String text, Mode mode) {
        try {
            return resolve(parse(text), mode);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("OpenAPI details: cannot resolve schema '" + text + "': " + e.getMessage(), e);
        }
    }

    private ObjectNode resolve(Expr e, Mode mode) {
        switch (e.name()) {
            case "object" -> {
                return NODES.objectNode().put("type", "object");
            }
            case "List", "Set" -> {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", resolve(only(e), mode));
                return e.name().equals("Set") ? array.put("uniqueItems", true) : array;
            }
            case "Map" -> {
                if (e.args().size() != 2 || !e.args().get(0).name().equals("string")) {
                    throw new IllegalArgumentException("Map takes <string, T>");
                }
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", resolve(e.args().get(1), mode));
                return map;
            }
            case "Items" -> {
                return SchemaGenerator.ref(items(only(e), mode));
            }
            default -> {
                if (handWritten.contains(e.name()) && e.args().isEmpty()) {
                    return SchemaGenerator.ref(e.name());
                }
                return generator.schema(javaType(e), mode);
            }
        }
    }

    private String items(Expr item, Mode mode) {
        ObjectNode itemSchema = resolve(item, mode);
        String itemName = itemSchema.has("$ref")
                ? itemSchema.get("$ref").asText().substring(SchemaGenerator.REF.length())
                : Character.toUpperCase(item.name().charAt(0)) + item.name().substring(1).replace("-", "");
        String name = itemName + "Items";
        if (!components.has(name)) {
            ObjectNode schema = components.putObject(name).put("type", "object");
            schema.putArray("required").add("items");
            ObjectNode array = schema.putObject("properties").putObject("items").put("type", "array");
            array.set("items", itemSchema);
            schema.put("additionalProperties", false);
        }
        return name;
    }

    private static Expr only(Expr e) {
        if (e.args().size() != 1) {
            throw new IllegalArgumentException(e.name() + " takes one argument");
        }
        return e.args().get(0);
    }

    private JavaType javaType(Expr e) {
        Class<?> scalar = SCALAR_CLASSES.get(e.name());
        if (scalar != null && e.args().isEmpty()) {
            return types.constructType(scalar);
        }
        Class<?> raw = findClass(e.name());
        if (e.args().isEmpty()) {
            return types.constructType(raw);
        }
        JavaType[] args = e.args().stream().map(this::javaType).toArray(JavaType[]::new);
        return types.constructParametricType(raw, args);
    }

    private static Class<?> findClass(String name) {
        List<String> candidates = new ArrayList<>();
        if (Character.isLowerCase(name.charAt(0)) && name.contains(".")) {
            candidates.add(name);
        } else {
            MODEL_PACKAGES.forEach(p -> candidates.add("io.lectern.model." + p + "." + name));
        }
        for (String candidate : candidates) {
            String binary = candidate;
            while (true) {
                try {
                    return Class.forName(binary, false, SchemaNames.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    int dot = binary.lastIndexOf('.');
                    if (dot < 0 || binary.substring(0, dot).lastIndexOf('.') < 0) {
                        break;
                    }
                    binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
                }
            }
        }
        throw new IllegalArgumentException("no schema, scalar or class named " + name);
    }

    /** Parses {@code Name<Arg, Other<X>>}. */
    static Expr parse(String text) {
        int[] at = {0};
        Expr e = parse(text.replace(" ", ""), at);
        if (at[0] != text.replace(" ", "").length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(at[0]) + "'");
        }
        return e;
    }

    private static Expr parse(String s, int[] at) {
        int start = at[0];
        while (at[0] < s.length() && "<>,".indexOf(s.charAt(at[0])) < 0) {
            at[0]++;
        }
        String name = s.substring(start, at[0]);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a name is missing at " + start);
        }
        List<Expr> args = new ArrayList<>();
        if (at[0] < s.length() && s.charAt(at[0]) == '<') {
            do {
                at[0]++;
                args.add(parse(s, at));
            } while (at[0] < s.length() && s.charAt(at[0]) == ',');
            if (at[0] >= s.length() || s.charAt(at[0]) != '>') {
                throw new IllegalArgumentException("'>' expected in " + s);
            }
            at[0]++;
        }
        return new Expr(name, List.copyOf(args));
    }
}
