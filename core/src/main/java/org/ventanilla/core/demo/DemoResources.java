package org.ventanilla.core.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/** Reading the JSON resources under {@code demo/}, with errors that name the resource and the field. */
final class DemoResources {

    private DemoResources() {
    }

    static String readClasspath(String resource) {
        try (InputStream in = DemoResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new VentanillaException(ErrorCode.NOT_FOUND, "resource '" + resource + "' is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.UNAVAILABLE, "resource '" + resource + "' cannot be read", e);
        }
    }

    static JsonObject parse(String json, String source) {
        try {
            return new JsonObject(json);
        } catch (DecodeException e) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, source + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String string(JsonObject object, String field, String where) {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid(where, field, "must be a string");
        }
        return text;
    }

    static String requiredString(JsonObject object, String field, String where) {
        String value = string(object, field, where);
        if (value == null) {
            throw invalid(where, field, "is required");
        }
        return value;
    }

    static JsonArray array(JsonObject object, String field, String where) {
        Object value = object.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(where, field, "must be an array");
        }
        return array;
    }

    static JsonObject object(JsonObject object, String field, String where) {
        Object value = object.getValue(field);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject child)) {
            throw invalid(where, field, "must be an object");
        }
        return child;
    }

    static List<JsonObject> objects(JsonObject object, String field, String where) {
        List<JsonObject> result = new ArrayList<>();
        JsonArray array = array(object, field, where);
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject child)) {
                throw invalid(where, field + "[" + i + "]", "must be an object");
            }
            result.add(child);
        }
        return result;
    }

    static List<String> strings(JsonObject object, String field, String where) {
        List<String> result = new ArrayList<>();
        JsonArray array = array(object, field, where);
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String text)) {
                throw invalid(where, field + "[" + i + "]", "must be a string");
            }
            result.add(text);
        }
        return result;
    }

    static int integer(JsonObject object, String field, String where, int defaultValue) {
        Object value = object.getValue(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw invalid(where, field, "must be a whole number");
        }
        return number.intValue();
    }

    static boolean bool(JsonObject object, String field, String where, boolean defaultValue) {
        Object value = object.getValue(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean flag)) {
            throw invalid(where, field, "must be true or false");
        }
        return flag;
    }

    static VentanillaException invalid(String where, String field, String problem) {
        return new VentanillaException(ErrorCode.INVALID_INPUT, where + ": '" + field + "' " + problem);
    }
}
