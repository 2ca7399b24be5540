package org.ventanilla.core.domain.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmergencyDetectorTest {

    private final EmergencyDetector detector = EmergencyDetector.colombia();

    @ParameterizedTest
    @ValueSource(strings = {
        "¡Hay un INCENDIO en el edificio de al lado!",
        "se esta quemando la casa del vecino, hay fuego",
        "mi hermano está herido",
        "hay una señora herida en la calle",
        "hay mucha sangre, ayuda",
        "me están robando en este momento",
        "ME ESTAN ROBANDO",
        "robo en curso en la tienda de la esquina",
        "se escuchan disparos en el parque",
        "violencia en la casa del lado, le estan gritando a la señora",
        "mi esposo me pegó",
        "mi esposo me pego",
        "hubo un accidente grave en la autopista",
        "huele a gas en todo el edificio",
        "the house next door is on fire",
        "a man is injured on the sidewalk",
        "there is a shooting downtown",
        "Fire! please send help",
    })
    void shouldSpotEmergencies(String text) {
        assertThat(detector.isEmergency(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "la luz del parque está apagada",
        "hay un hueco enorme en la calle",
        "necesito el certificado de residencia",
        "requisitos del auxilio de transporte escolar",
        "me llamas mañana por favor",
        "el vecino le pega al perro",
        "se cayó un árbol, no hay heridos",
        "choque leve sin heridos",
        "nobody was injured, but the tree blocks the road",
        "I was fired from my job and need the sisben",
        "el juego de fútbol del parque hace mucho ruido",
        "quiero copia del informe del accidente de transito",
        "",
    })
    void shouldLeaveOrdinaryRequestsAlone(String text) {
        assertThat(detector.isEmergency(text)).as(text).isFalse();
    }

    @Test
    void aNegationShouldNotCancelAnEmergencyInTheNextClause() {
        assertThat(detector.isEmergency("no, no es el predial: hay un incendio")).isTrue();
    }

    @Test
    void shouldGiveTheEmergencyNumber() {
        assertThat(detector.emergencyNumber()).isEqualTo("123");
    }

    @Test
    void shouldNameThePhraseFoundNotTheCitizensWords() {
        assertThat(detector.matchedPhrase("Soy Ana Gómez y ME ESTÁN ROBANDO")).contains("me estan robando");
        assertThat(detector.isEmergency(null)).isFalse();
    }

    @Test
    void anotherCountryShouldBringItsOwnNumberAndPhrases() {
        EmergencyDetector chile = new EmergencyDetector("133", List.of("portonazo", "incendio"));

        assertThat(chile.isEmergency("me hicieron un PORTONAZO")).isTrue();
        assertThat(chile.emergencyNumber()).isEqualTo("133");
    }
}
