package org.ventanilla.channels.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the web chat, with defaults, checked setters, a JSON constructor and {@link #toJson()}.
 */
public final class ChatOptions {

    public static final int DEFAULT_MAX_FRAME_CHARS = 8_192;
    public static final int DEFAULT_MAX_TEXT_CHARS = 2_000;
    public static final double DEFAULT_SESSION_RATE = 5;
    public static final int DEFAULT_SESSION_BURST = 10;
    public static final double DEFAULT_ADDRESS_RATE = 20;
    public static final int DEFAULT_ADDRESS_BURST = 60;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);
    public static final String DEFAULT_NOTICE_VERSION = "ley1581-aviso-v1";
    public static final String DEFAULT_QUEUE = "chat";
    public static final int DEFAULT_AGENT_CAPACITY = 3;
    public static final String DEFAULT_EMERGENCY_NUMBER = "123";
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    private int maxFrameChars = DEFAULT_MAX_FRAME_CHARS;
    private int maxTextChars = DEFAULT_MAX_TEXT_CHARS;
    private double sessionRate = DEFAULT_SESSION_RATE;
    private int sessionBurst = DEFAULT_SESSION_BURST;
    private double addressRate = DEFAULT_ADDRESS_RATE;
    private int addressBurst = DEFAULT_ADDRESS_BURST;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private String noticeVersion = DEFAULT_NOTICE_VERSION;
    private String queue = DEFAULT_QUEUE;
    private int agentCapacity = DEFAULT_AGENT_CAPACITY;
    private String emergencyNumber = DEFAULT_EMERGENCY_NUMBER;
    private long maxAttachmentBytes = DEFAULT_MAX_ATTACHMENT_BYTES;
    private final Set<String> allowedOrigins = new LinkedHashSet<>();
    private final Map<String, AgentUser> testAgents = new LinkedHashMap<>();

    public ChatOptions() {
    }

    /** Reads the keys of {@link #toJson()}; absent keys keep their defaults. */
    public ChatOptions(JsonObject json) {
        setMaxFrameChars(json.getInteger("maxFrameChars", DEFAULT_MAX_FRAME_CHARS));
        setMaxTextChars(json.getInteger("maxTextChars", DEFAULT_MAX_TEXT_CHARS));
        setSessionRate(json.getDouble("sessionRate", DEFAULT_SESSION_RATE), json.getInteger("sessionBurst", DEFAULT_SESSION_BURST));
        setAddressRate(json.getDouble("addressRate", DEFAULT_ADDRESS_RATE), json.getInteger("addressBurst", DEFAULT_ADDRESS_BURST));
        setIdleTimeout(Duration.ofMillis(json.getLong("idleTimeoutMillis", DEFAULT_IDLE_TIMEOUT.toMillis())));
        setNoticeVersion(json.getString("noticeVersion", DEFAULT_NOTICE_VERSION));
        setQueue(json.getString("queue", DEFAULT_QUEUE));
        setAgentCapacity(json.getInteger("agentCapacity", DEFAULT_AGENT_CAPACITY));
        setEmergencyNumber(json.getString("emergencyNumber", DEFAULT_EMERGENCY_NUMBER));
        setMaxAttachmentBytes(json.getLong("maxAttachmentBytes", DEFAULT_MAX_ATTACHMENT_BYTES));
        for (Object o : json.getJsonArray("allowedOrigins", new JsonArray())) {
            addAllowedOrigin(String.valueOf(o));
        }
        JsonObject agents = json.getJsonObject("testAgents", new JsonObject());
        for (String token : agents.fieldNames()) {
            JsonObject a = agents.getJsonObject(token);
            addTestAgent(token, a.getString("id"), a.getString("displayName"));
        }
    }

    /** The settings as JSON; test agents' tokens are not written out (they are secrets). */
    public JsonObject toJson() {
        JsonObject agents = new JsonObject();
        testAgents.forEach((token, a) -> agents.put("***", new JsonObject().put("id", a.id()).put("displayName", a.displayName())));
        return new JsonObject().put("maxFrameChars", maxFrameChars).put("maxTextChars", maxTextChars)
                .put("sessionRate", sessionRate).put("sessionBurst", sessionBurst)
                .put("addressRate", addressRate).put("addressBurst", addressBurst)
                .put("idleTimeoutMillis", idleTimeout.toMillis()).put("noticeVersion", noticeVersion)
                .put("queue", queue).put("agentCapacity", agentCapacity).put("emergencyNumber", emergencyNumber)
                .put("maxAttachmentBytes", maxAttachmentBytes)
                .put("allowedOrigins", new JsonArray(allowedOrigins.stream().toList())).put("testAgentCount", testAgents.size());
    }

    public int getMaxFrameChars() {
        return maxFrameChars;
    }

    public ChatOptions setMaxFrameChars(int value) {
        this.maxFrameChars = check("maxFrameChars", value, 256, 1_048_576);
        return this;
    }

    public int getMaxTextChars() {
        return maxTextChars;
    }

    public ChatOptions setMaxTextChars(int value) {
        this.maxTextChars = check("maxTextChars", value, 1, 100_000);
        return this;
    }

    public double getSessionRate() {
        return sessionRate;
    }

    public int getSessionBurst() {
        return sessionBurst;
    }

    /** Frames per second one session may send, and the burst it may save up. */
    public ChatOptions setSessionRate(double perSecond, int burst) {
        checkRate("sessionRate", perSecond);
        this.sessionRate = perSecond;
        this.sessionBurst = check("sessionBurst", burst, 1, 100_000);
        return this;
    }

    public double getAddressRate() {
        return addressRate;
    }

    public int getAddressBurst() {
        return addressBurst;
    }

    /** Frames per second all sessions of one client address may send together, and their burst. */
    public ChatOptions setAddressRate(double perSecond, int burst) {
        checkRate("addressRate", perSecond);
        this.addressRate = perSecond;
        this.addressBurst = check("addressBurst", burst, 1, 1_000_000);
        return this;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    /** A connection that sends nothing for this long is closed (the chat itself can still be resumed). */
    public ChatOptions setIdleTimeout(Duration value) {
        if (value == null || value.toMillis() < 100 || value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("chat idleTimeout (" + value + ") must be between 100 ms and 1 day");
        }
        this.idleTimeout = value;
        return this;
    }

    public String getNoticeVersion() {
        return noticeVersion;
    }

    /** The version of the personal-data notice (Ley 1581) recorded with each acceptance. */
    public ChatOptions setNoticeVersion(String value) {
        this.noticeVersion = nonBlank("noticeVersion", value);
        return this;
    }

    public String getQueue() {
        return queue;
    }

    public ChatOptions setQueue(String value) {
        this.queue = nonBlank("queue", value);
        return this;
    }

    public int getAgentCapacity() {
        return agentCapacity;
    }

    public ChatOptions setAgentCapacity(int value) {
        this.agentCapacity = check("agentCapacity", value, 1, 50);
        return this;
    }

    public String getEmergencyNumber() {
        return emergencyNumber;
    }

    public ChatOptions setEmergencyNumber(String value) {
        this.emergencyNumber = nonBlank("emergencyNumber", value);
        return this;
    }

    public long getMaxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** Largest attachment (image or PDF) accepted in a chat, in bytes. */
    public ChatOptions setMaxAttachmentBytes(long value) {
        if (value < 1024 || value > 100L * 1024 * 1024) {
            throw new IllegalArgumentException("chat maxAttachmentBytes (" + value + ") must be between 1024 and 104857600");
        }
        this.maxAttachmentBytes = value;
        return this;
    }

    public Set<String> getAllowedOrigins() {
        return Set.copyOf(allowedOrigins);
    }

    /**
     * A site allowed to open the citizen WebSocket, as an origin ({@code https://www.ciudad.gov.co}). Pages served
     * by Ventanilla itself (same host and port) are always allowed.
     */
    public ChatOptions addAllowedOrigin(String origin) {
        String o = nonBlank("allowedOrigins", origin).strip();
        if (!o.matches("^https?://[A-Za-z0-9.\\-\\[\\]:]+$")) {
            throw new IllegalArgumentException("chat allowedOrigins entry '" + o
                    + "' is not an origin (scheme://host[:port], no path)");
        }
        allowedOrigins.add(o.toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    public Map<String, AgentUser> getTestAgents() {
        return Map.copyOf(testAgents);
    }

    /** A configured test agent signing in with {@code token} (until the console's sign-in issues tokens). */
    public ChatOptions addTestAgent(String token, String id, String displayName) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("chat test agent token must have at least 16 characters");
        }
        testAgents.put(token, new AgentUser(nonBlank("testAgents.id", id), nonBlank("testAgents.displayName", displayName)));
        return this;
    }

    private static int check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("chat " + key + " (" + value + ") must be between " + min + " and " + max);
        }
        return value;
    }

    private static void checkRate(String key, double value) {
        if (!(value > 0) || value > 1_000_000) {
            throw new IllegalArgumentException("chat " + key + " (" + value + ") must be above 0 and at most 1000000");
        }
    }

    private static String nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("chat " + key + " must not be blank");
        }
        return value;
    }

    /** An agent as the chat knows them: id and the display name citizens see. */
    public record AgentUser(String id, String displayName) {
    }
}
