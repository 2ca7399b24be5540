package org.ventanilla.core.demo;

import io.vertx.core.json.JsonObject;

/** Variations of the demo answers file for loader tests. */
final class AnswersLoaderTestData {

    private AnswersLoaderTestData() {
    }

    /** The demo answers with one version number of one answer changed. */
    static String demoWithVersionNumber(String answerId, int from, int to) {
        JsonObject root = new JsonObject(DemoResources.readClasspath(AnswersLoader.DEMO_RESOURCE));
        for (Object answer : root.getJsonArray("answers")) {
            JsonObject json = (JsonObject) answer;
            if (json.getString("id").equals(answerId)) {
                for (Object version : json.getJsonArray("versions")) {
                    JsonObject v = (JsonObject) version;
                    if (v.getInteger("version") == from) {
                        v.put("version", to);
                    }
                }
            }
        }
        return root.encode();
    }
}
