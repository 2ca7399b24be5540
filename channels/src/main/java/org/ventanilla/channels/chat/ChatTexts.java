package org.ventanilla.channels.chat;

import java.util.Map;

/** What the server itself says in a chat, in Spanish (the default) and English. */
final class ChatTexts {

    private static final Map<String, String> ES = Map.ofEntries(
            Map.entry("after-hours", "En este momento estamos fuera del horario de atención. Puede dejarnos su mensaje:"
                    + " quedará radicado y le responderemos dentro del término legal."),
            Map.entry("emergency", "Si se trata de una emergencia, llame ya a la línea %s."),
            Map.entry("case", "Su mensaje quedó radicado con el número %s.%s"),
            Map.entry("due", " Fecha máxima de respuesta: %s."),
            Map.entry("self-service-question", "¿Esto resolvió su consulta?"),
            Map.entry("waiting", "Le atenderá la próxima persona disponible."),
            Map.entry("agent-joined", "Le atiende %s."),
            Map.entry("status", "El radicado %s está en estado %s (categoría: %s; fecha máxima de respuesta: %s)."),
            Map.entry("status-unknown", "No encontramos el radicado %s. Revise el número e inténtelo de nuevo."),
            Map.entry("ended", "La conversación terminó. ¡Gracias por escribirnos!"),
            Map.entry("transferred", "Le estamos transfiriendo a otra área; por favor espere."));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("after-hours", "We are outside opening hours right now. You can leave us a message:"
                    + " it will be filed and answered within the legal term."),
            Map.entry("emergency", "If this is an emergency, call %s now."),
            Map.entry("case", "Your message was filed under number %s.%s"),
            Map.entry("due", " Answer due by: %s."),
            Map.entry("self-service-question", "Did this solve your question?"),
            Map.entry("waiting", "The next available person will attend you."),
            Map.entry("agent-joined", "You are talking to %s."),
            Map.entry("status", "Filing %s is %s (category: %s; answer due by: %s)."),
            Map.entry("status-unknown", "We did not find filing %s. Please check the number and try again."),
            Map.entry("ended", "The conversation has ended. Thank you for writing to us!"),
            Map.entry("transferred", "We are transferring you to another team; please wait."));

    private ChatTexts() {
    }

    static String text(String lang, String key, Object... args) {
        String pattern = ("en".equals(lang) ? EN : ES).get(key);
        return args.length == 0 ? pattern : String.format(pattern, args);
    }
}
