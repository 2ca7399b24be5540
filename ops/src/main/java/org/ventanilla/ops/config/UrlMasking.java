package org.ventanilla.ops.config;

import java.util.regex.Pattern;

/** Masks the credentials a URL may carry (user-info password, password query parameters) before it is shown. */
public final class UrlMasking {

    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?#]*:)[^/?#]*(@)");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|pwd|pass|passwd|secret|token|sslpassword)=)[^&;#]*");

    private UrlMasking() {
    }

    /** The URL with every password replaced by {@link Secret#MASK}; null stays null. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1" + Secret.MASK + "$2");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Secret.MASK);
    }
}
