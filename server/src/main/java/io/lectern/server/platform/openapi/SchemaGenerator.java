package io.lectern.server.platform.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) for the Java types the API writes and reads, taken from
 * Jackson's own view of them: the properties it writes (records' components, {@code @JsonProperty} getters), their
 * resolved generic types, and {@code @JsonInclude}.
 *
 * <p>A type the server <em>writes</em> ({@link Mode#OUTPUT}) becomes a closed object: a property Jackson always writes
 * is required; one it leaves out when null or empty ({@code NON_NULL}, {@code NON_EMPTY}) is optional. A property
 * written as {@code null} is allowed to be null only where {@link RecordFacts} say so, because Java's types do not
 * tell. A type the server <em>reads</em> ({@link Mode#INPUT}) lists the fields it accepts (unknown fields are refused),
 * each optional and nullable: which are needed is the handler's validation's business. A type used both ways gets
 * a second component, {@code <Name>Input}.
 */
final class SchemaGenerator {

    /** Whether a type is written by the server or read by it. */
    enum Mode { OUTPUT, INPUT }

    /** What Java's types do not say about a record, from the checked-in details: {@code records.<Component>}. */
    record RecordFacts(String name, Set<String> nullable, Set<String> required) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String REF = "#/components/schemas/";

    private final ObjectMapper mapper;
    private final Map<String, RecordFacts> facts;
    private final ObjectNode components;
    private final Map<String, JavaType> owners = new HashMap<>();
    private final Set<String> outputBases = new HashSet<>();
    private final Set<String> usedFacts = new HashSet<>();

    SchemaGenerator(ObjectMapper mapper, Map<String, RecordFacts> facts, ObjectNode components) {
        this.mapper = mapper;
        this.facts = facts;
        this.components = components;
    }

    /** The facts keys that named no component generated so far (stale entries). */
    Set<String> unusedFacts() {
        Set<String> unused = new java.util.TreeSet<>(facts.keySet());
        unused.removeAll(usedFacts);
        return unused;
    }

    /** A schema for {@code type}: inline for scalars, arrays and maps, a {@code $ref} to a component otherwise. */
    ObjectNode schema(JavaType type, Mode mode) {
        ObjectNode scalar = scalar(type.getRawClass());
        if (scalar != null) {
            return scalar;
        }
        if (type.isArrayType() && type.getContentType().getRawClass() == byte.class) {
            return NODES.objectNode().put("type", "string").put("contentEncoding", "base64");
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", schema(type.getContentType(), mode));
            if (Set.class.isAssignableFrom(type.getRawClass())) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        if (type.isMapLikeType()) {
            ObjectNode map = NODES.objectNode().put("type", "object");
            map.set("additionalProperties", schema(type.getContentType(), mode));
            return map;
        }
        if (type.getRawClass() == Object.class || JsonNode.class.isAssignableFrom(type.getRawClass())) {
            return NODES.objectNode();
        }
        return ref(component(type, mode));
    }

    static ObjectNode ref(String component) {
        return NODES.objectNode().put("$ref", REF + component);
    }

    /** {@code schema} that also allows {@code null}: a type list for inline schemas, {@code anyOf} around a ref. */
    static ObjectNode nullable(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            ObjectNode copy = schema.deepCopy();
            copy.set("type", NODES.arrayNode().add(type.asText()).add("null"));
            return copy;
        }
        if (schema.isEmpty()) {
            return schema;
        }
        ObjectNode any = NODES.objectNode();
        any.putArray("anyOf").add(schema).add(NODES.objectNode().put("type", "null"));
        return any;
    }

    private static ObjectNode scalar(Class<?> raw) {
        ObjectNode s = NODES.objectNode();
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return s.put("type", "string");
        } else if (raw == UUID.class) {
            return s.put("type", "string").put("format", "uuid");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return s.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            return s.put("type", "string").put("format", "date");
        } else if (raw == Duration.class) {
            return s.put("type", "string").put("format", "duration");
        } else if (raw == URI.class) {
            return s.put("type", "string").put("format", "uri-reference");
        } else if (raw == boolean.class || raw == Boolean.class) {
            return s.put("type", "boolean");
        } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            return s.put("type", "integer").put("format", "int32");
        } else if (raw == long.class || raw == Long.class) {
            return s.put("type", "integer").put("format", "int64");
        } else if (raw == BigInteger.class) {
            return s.put("type", "integer");
        } else if (raw == double.class || raw == Double.class) {
            return s.put("type", "number").put("format", "double");
        } else if (raw == float.class || raw == Float.class) {
            return s.put("type", "number").put("format", "float");
        } else if (raw == BigDecimal.class) {
            return s.put("type", "number");
        }
        return null;
    }

    /** The component for a record, bean, enum or polymorphic type, generated on first use; its name. */
    String component(JavaType type, Mode mode) {
        Mode effective = type.isEnumType() ? Mode.OUTPUT : mode;
        String base = baseName(type);
        String name = effective == Mode.INPUT && outputBases.contains(base) && !base.endsWith("Input")
                ? base + "Input" : base;
        JavaType owner = owners.get(name);
        if (owner != null) {
            if (!owner.equals(type)) {
                throw new IllegalStateException("Two types want the schema name " + name + ": " + owner + " and " + type);
            }
            return name;
        }
        if (components.has(name)) {
            throw new IllegalStateException("The schema name " + name + " of " + type + " is taken by a hand-written schema");
        }
        owners.put(name, type);
        if (effective == Mode.OUTPUT) {
            outputBases.add(base);
        }
        components.putObject(name); // reserved before recursing: a type may refer to itself
        ObjectNode schema;
        if (type.isEnumType()) {
            schema = enumSchema(type.getRawClass());
        } else if (type.getRawClass().isAnnotationPresent(JsonSubTypes.class)) {
            schema = polymorphic(type, effective);
        } else {
            schema = object(type, effective, facts(type));
        }
        components.set(name, schema);
        return name;
    }

    /** The component name of a class: its simple name prefixed by those it nests in; generic arguments first. */
    String baseName(JavaType type) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < type.containedTypeCount(); i++) {
            JavaType arg = type.containedType(i);
            ObjectNode scalar = scalar(arg.getRawClass());
            name.append(scalar != null ? capitalised(arg.getRawClass().getSimpleName()) : baseName(arg));
        }
        return name.append(className(type.getRawClass())).toString();
    }

    private String className(Class<?> raw) {
        RecordFacts f = facts.get(plainName(raw));
        return f != null && f.name() != null ? f.name() : plainName(raw);
    }

    /** A class's simple name prefixed by the names of the classes it nests in: the key of its facts. */
    static String plainName(Class<?> raw) {
        return raw.getEnclosingClass() == null ? raw.getSimpleName() : plainName(raw.getEnclosingClass()) + raw.getSimpleName();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private RecordFacts facts(JavaType type) {
        String key = plainName(type.getRawClass());
        RecordFacts f = facts.get(key);
        if (f == null) {
            return new RecordFacts(null, Set.of(), Set.of());
        }
        usedFacts.add(key);
        return f;
    }

    private ObjectNode enumSchema(Class<?> raw) {
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ArrayNode values = schema.putArray("enum");
        for (Object constant : raw.getEnumConstants()) {
            values.add(mapper.valueToTree(constant).asText());
        }
        return schema;
    }

    private ObjectNode polymorphic(JavaType type, Mode mode) {
        ObjectNode schema = NODES.objectNode();
        ArrayNode oneOf = schema.putArray("oneOf");
        ObjectNode mapping = NODES.objectNode();
        var subtypes = mapper.getSubtypeResolver().collectAndResolveSubtypesByClass(mapper.getSerializationConfig(),
                mapper.getSerializationConfig().introspectClassAnnotations(type).getClassInfo()).stream()
                .filter(named -> named.getType() != type.getRawClass() && named.hasName())
                .sorted(Comparator.comparing(NamedType::getName)).toList();
        for (var named : subtypes) {
            String sub = component(mapper.constructType(named.getType()), mode);
            oneOf.add(ref(sub));
            mapping.put(named.getName(), REF + sub);
            discriminated((ObjectNode) components.get(sub), named.getName(), mode);
        }
        JsonTypeInfo info = type.getRawClass().getAnnotation(JsonTypeInfo.class);
        if (mode == Mode.INPUT && info != null && info.defaultImpl() != JsonTypeInfo.class) {
            // read leniently: an object of no known type is taken too (as defaultImpl), to be refused on its own
            ObjectNode known = NODES.objectNode();
            known.putArray("required").add("type");
            ArrayNode names = known.putObject("properties").putObject("type").putArray("enum");
            subtypes.forEach(named -> names.add(named.getName()));
            oneOf.addObject().put("type", "object").put("description", "Any other type (or none): accepted in the "
                    + "request and refused on its own in the answer").set("not", known);
            return schema;
        }
        schema.putObject("discriminator").put("propertyName", "type").set("mapping", mapping);
        return schema;
    }

    /**
     * A subtype's schema names its discriminator value ({@code type}, required), so exactly one subtype matches. A
     * subtype the server reads stays open: the wire format lets an event carry other types' fields, which are ignored.
     */
    private static void discriminated(ObjectNode subtype, String name, Mode mode) {
        ObjectNode properties = subtype.has("properties") ? (ObjectNode) subtype.get("properties")
                : subtype.putObject("properties");
        properties.putObject("type").put("const", name);
        ArrayNode required = subtype.has("required") ? (ArrayNode) subtype.get("required") : subtype.putArray("required");
        boolean listed = false;
        for (JsonNode r : required) {
            listed |= r.asText().equals("type");
        }
        if (!listed) {
            required.add("type");
        }
        if (mode == Mode.INPUT) {
            subtype.remove("additionalProperties");
        }
    }

    private ObjectNode object(JavaType type, Mode mode, RecordFacts recordFacts) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        Set<String> seen = new HashSet<>();
        boolean ignoresSome;
        if (mode == Mode.OUTPUT) {
            SerializationConfig config = mapper.getSerializationConfig();
            BeanDescription bean = config.introspect(type);
            ignoresSome = false;
            JsonInclude.Value classInclusion = bean.findPropertyInclusion(
                    config.getDefaultPropertyInclusion(type.getRawClass()));
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (!p.couldSerialize() || p.getAccessor() == null) {
                    continue;
                }
                seen.add(p.getName());
                JavaType propertyType = p.getAccessor().getType();
                JsonInclude.Include inclusion = classInclusion.withOverrides(p.findInclusion()).getValueInclusion();
                boolean always = inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS
                        || propertyType.isPrimitive() && inclusion != JsonInclude.Include.NON_DEFAULT;
                ObjectNode property = schema(propertyType, mode);
                boolean mayBeNull = !propertyType.isPrimitive() && always && recordFacts.nullable().contains(p.getName());
                properties.set(p.getName(), mayBeNull ? nullable(property) : property);
                if (always || recordFacts.required().contains(p.getName())) {
                    required.add(p.getName());
                }
            }
        } else {
            BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
            ignoresSome = !bean.getIgnoredPropertyNames().isEmpty();
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (!p.couldDeserialize()) {
                    continue;
                }
                seen.add(p.getName());
                ObjectNode property = schema(p.getPrimaryType(), mode);
                properties.set(p.getName(), p.getPrimaryType().isPrimitive() ? property : nullable(property));
            }
        }
        checkFacts(type, recordFacts, seen);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        if (!ignoresSome) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    private static void checkFacts(JavaType type, RecordFacts recordFacts, Set<String> properties) {
        Map<String, Set<String>> named = new TreeMap<>(Map.of("nullable", recordFacts.nullable(), "required",
                recordFacts.required()));
        named.forEach((kind, names) -> names.stream().filter(n -> !properties.contains(n)).findFirst().ifPresent(n -> {
            throw new IllegalStateException("OpenAPI details: " + type.getRawClass().getSimpleName() + " has no property '"
                    + n + "' (listed as " + kind + ")");
        }));
    }
}
